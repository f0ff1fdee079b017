# The words of the platform command (English). The same ids in the same order as
# locales/vi/platform.ftl.

platform-cannot-read = cannot read { $path }: { $detail }
platform-timestamp-unit = --timestamp-unit '{ $value }' is not seconds, milliseconds or microseconds
platform-columns-pair = --columns '{ $value }' is not WHAT=COLUMN
platform-columns-what = --columns: '{ $value }' is not user, timestamp, kind or in_vietnam
platform-kind-pair = --kind '{ $value }' is not NAME=KIND with KIND login, access or service
platform-salt-env-unset = --id-salt-env: the environment variable { $var } is not set
platform-salt-invalid = { $from }: the salt must be 32 hex digits (openssl rand -hex 16)
platform-no-parquet-file = { $path }: no .parquet file in this folder
platform-skip-hidden = the name starts with «.» or «_»: a hidden, marker or metadata file, not data
platform-skip-link-to-folder = a symbolic link to a folder: links are not followed
platform-skip-not-parquet = not a .parquet file
platform-skip-unreadable = not a readable file: a broken link, a pipe or a socket
platform-parquet-read = Read { $files } Parquet { $files ->
        [one] file
       *[other] files
    } ({ $row_groups } row { $row_groups ->
        [one] group
       *[other] groups
    }).
platform-parquet-skipped = Skipped { $n } { $n ->
        [one] entry
       *[other] entries
    } of the folder: { $entries }
platform-no-parquet = this egov was built without Parquet (feature `parquet`)
platform-counting-progress = counting: { $megabytes } MB
platform-months-head = Month     Active users (VN)         Events
platform-lines = Lines: { $lines } (events { $events }, not counted { $malformed }, header { $header }, blank { $blank })
platform-unrecognised-kind = kind '{ $kind }': { $count }
platform-line-at = line { $line } (byte { $offset })
platform-events = Events: counted { $counted }, outside Vietnam { $outside }, timestamp out of range { $out_of_range }
platform-speed = { $threads } { $threads ->
        [one] thread
       *[other] threads
    }, { $seconds } s, { $rate } M events/s
platform-partial-written = Partial count written: { $path } ({ $shards } shards)
platform-partial-invalid = { $path }: not a usable partial count: { $detail }
platform-no-parquet-write = this egov was built without Parquet (feature `parquet`): write a .json partial
platform-is-parquet = { $path } is Parquet, and this egov was built without Parquet
platform-nothing-to-merge = no partial to merge
platform-merged = { $files } { $files ->
        [one] file
       *[other] files
    } merged, { $shards } shards, user ids keyed as: { $ids }
platform-monthly-line = monthly count { $number } '{ $line }' is not YYYY-MM,COUNT
platform-source = --source '{ $value }' is not self, tool:NAME or reference:NAME
platform-no-input = give --monthly, --events or --partials
platform-classify =
    Class: { $class }
    Determination date: { $date }
    Mean monthly active users: { $mean } ({ $exact }) = { $share } % of the population { $population }
    Months: { $first } to { $last }
platform-distance = { $label }: { $users } users; { $direction ->
        [below] below it by { $distance } users ({ $points } pp)
        [at] exactly at it
       *[above] above it by { $distance } users ({ $points } pp)
    }{ $reached }
platform-reached = {" "}— reached
platform-not-reached = {" "}— not reached
platform-basis = Basis: { $basis }
