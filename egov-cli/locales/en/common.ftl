# The egov tool's words shared by every command (English).
# One file per topic; the same ids in the same order as locales/vi/.

error-prefix = error
internal-error = egov hit an internal error ({ $detail }); please report it
