# Words about writing output files (English). The same ids in the same order as
# locales/vi/files.ftl.

files-write-error = cannot write { $path }: { $detail }
files-exists = { $path } exists already (use --force to replace it)
files-wrote = Wrote { $path }
files-wrote-count = Wrote { $count } { $count ->
        [one] file
       *[other] files
    } into { $dir }
template-unknown = no template «{ $kind }»; `egov template` lists them
