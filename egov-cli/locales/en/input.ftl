# Words about the dates and times people type (English). The same ids in the same order as
# locales/vi/input.ftl.

input-strict-time = { $what }: { $detail } (--strict-time requires the offset, e.g. +07:00)
input-note-local = egov: note: { $what } '{ $input }' has no UTC offset, read as Vietnam time: { $time } (--strict-time refuses it)
input-date-invalid = { $what } '{ $input }' is not a date (2026-02-13, 13/02/2026 or 2026/02/13){ $detail }
input-not-parsed = { $path }: cannot read it as { $format }: { $detail }
input-not-parsed-said = { $path }: { $detail }
input-not-yes-no = write 'yes' or 'no' («có» and «không» are read too)
input-blank = the value is empty: write a name
