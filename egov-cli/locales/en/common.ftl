# The egov tool's words shared by every command (English).
# One file per topic; the same ids in the same order as locales/vi/.

error-prefix = error
internal-error = egov hit an internal error ({ $detail }); please report it
usage-missing-subcommand = a subcommand is required: { $commands }
config-invalid = cannot use the configuration file { $path }: { $detail }
config-file = Configuration file: { $path }
config-no-file = No configuration file (egov.toml in the working directory or the user's configuration directory, or EGOV_CONFIG).
config-from-env = environment variable
config-from-file = configuration file
config-nothing-set = (nothing set: egov's defaults apply)
config-env-ignored = egov: note: { $var }=«{ $value }» is not a value egov takes ({ $accepted }): ignored
