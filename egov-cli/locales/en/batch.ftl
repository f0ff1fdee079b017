# egov batch: one checking command over a folder, a glob or a list.

batch-no-input = the command «{ $command }» has no batch input: give a folder, a glob (*.edxml) or @LIST
batch-several-inputs = several batch inputs ({ $inputs }): give only one folder, glob or @LIST
batch-cannot-read = cannot read { $path }: { $detail }
batch-bad-glob = the glob «{ $pattern }» is not valid: { $detail }
batch-nothing = «{ $input }» gives no input to check
batch-not-batchable = the command «{ $command }» cannot run as a batch
batch-status-valid = valid
batch-status-invalid = invalid
batch-status-error = error
batch-status-skipped = skipped
batch-col-n = No.
batch-col-status = Result
batch-col-input = Input
batch-col-summary = Summary
batch-skipped = skipped: { $path } ({ $reason })
batch-skip-hidden = hidden
batch-skip-folder = a sub-folder: use --recursive to check inside it
batch-skip-link-to-folder = a symbolic link to a folder: links are not followed
batch-skip-broken-link = a broken symbolic link: it points to no file
batch-skip-not-a-file = neither a file nor a folder: a pipe, a socket or a device
batch-summary = { $inputs } { $inputs ->
        [one] input
       *[other] inputs
    } in all: { $valid } valid, { $invalid } invalid, { $errors } { $errors ->
        [one] error
       *[other] errors
    }; { $skipped } skipped.
batch-html-title = egov check report
batch-html-command = Command
batch-html-made = Made
batch-usage = { $detail }
    (egov batch's own options — --out, --format, --force, --recursive — go before the command: egov batch --out report.html edxml check folder/)
