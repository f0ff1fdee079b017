# The words of the registry import|check commands (English). The same ids in the same order
# as locales/vi/registry.ftl.

registry-no-sheet = the workbook has no sheet
registry-sheet-error = sheet «{ $name }» (sheets: { $sheets }): { $detail }
registry-no-such-sheet = no sheet «{ $name }» (the sheets: { $sheets })
registry-not-utf8 = { $path }: not UTF-8 (byte { $byte }); save the CSV as "CSV UTF-8" or give the spreadsheet itself
registry-catalogue = Catalogue: { $path }
registry-column = column
registry-columns-not-used = columns not used: { $columns }
registry-rejected-row = REJECTED row { $row }
registry-warning-row = WARNING row { $row }
registry-written = Registry written to { $path }
registry-check = Registry: { $path } ({ $records } { $records ->
        [one] record
       *[other] records
    }, { $valid } { $valid ->
        [one] code
       *[other] codes
    } valid on { $date })
registry-use-import = {" "}— a catalogue as an agency holds it (Vietnamese headers, semicolons, a spreadsheet) is imported first: egov registry import FILE --out registry.toml
