# egov --version, completions, man (English). The same ids in the same order as locales/vi/.

surface-features-none = none
surface-version = { $version } (features: { $features })
surface-cannot-write = cannot write { $path }: { $detail }
surface-wrote-pages = Wrote { $count } manual pages in { $dir }:
usage-file-argument = «{ $file }» is a file: this command takes its files through { $options }
