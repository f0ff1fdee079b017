# Words about writing output files (English). The same ids in the same order as
# locales/vi/files.ftl.

files-write-error = cannot write { $path }: { $detail }
files-exists = { $path } exists already (use --force to replace it)
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = the file exists already
io-invalid-data = unreadable data (not UTF-8 text?)
io-is-a-directory = this is a folder, not a file
io-not-a-directory = a component of the path is not a directory
io-storage-full = the disk is full
io-other = operating system I/O error (code { $code })
io-unknown = input/output error
json-at = line { $line }, column { $column }: { $reason }
