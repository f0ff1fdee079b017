# egov edxml build / status / sign / verify (English). The same ids in the same order as locales/vi/.

edxml-make-description = the description
edxml-make-package = the package
edxml-make-anchors = the trust anchors
edxml-make-cannot-read = cannot read { $what } { $path }: { $reason }
edxml-make-cannot-write = cannot write { $path }: { $reason }
edxml-make-exists = { $path } exists already (use --force to replace it)
edxml-make-not-utf8 = { $path } is not UTF-8
edxml-make-not-toml = { $path } is not a TOML description: { $detail }
edxml-make-not-json = { $path } is not a JSON description (line { $line }, column { $column })
edxml-make-file-not-path = attachments[{ $index }].file must be a path
edxml-make-attachment-count = the description has { $attachments } { $attachments ->
        [one] attachment
       *[other] attachments
    } but { $files } { $files ->
        [one] content file was
       *[other] content files were
    } given ("file" keys or --attach)
edxml-make-cannot-read-attachment = cannot read attachment { $path }: { $reason }
edxml-make-date-rewritten = egov: note: { $element } '{ $given }' written in edXML's form: '{ $written }'
edxml-make-built =
    Built { $path } ({ $kind }, { $bytes } bytes, SHA-256 { $sha256 }{ $attachments ->
        [0] {""}
       *[other] , { $attachments } attachment(s)
    }).
    Check the package: egov edxml check { $path }
edxml-make-not-edoc = a status message answers a document package (edoc), not another status message
edxml-make-reason-required = a refusal (02) must say why (QĐ 28/2018/QĐ-TTg Đ5.4, DOC-29): give --reason "…" (or --description)
edxml-make-no-from = the package names no agency to report from: give --from
edxml-make-no-document-id = (no DocumentId)
edxml-make-status-built = Built status message { $code } ({ $name }) for document { $document_id }: { $path } ({ $bytes } bytes).
edxml-make-legacy-sha1 = Warning: RSA-SHA1 and SHA-1 are legacy and weak; this signature is only for a receiver that accepts nothing else.
edxml-make-signed = Signed { $package } ({ $algorithm }): { $path } ({ $bytes } bytes).
edxml-make-signer = Signer: { $subject } — issued by { $issuer } (valid from { $from } until { $until })
