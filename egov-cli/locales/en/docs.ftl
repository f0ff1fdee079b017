# The words of the status, urgency, legal-value and paper-copy commands (English).
# The same ids in the same order as locales/vi/docs.ftl.

docs-party-sender = sender
docs-party-receiver = receiver
docs-legal-value-equivalent = legally equivalent to the paper document
docs-legal-value-reference = for information and reference only
docs-status-final = , final
docs-status-events =
    Status: { $status }{ $is_final }
    edXML StatusCode: { $code }
    Allowed events:
docs-transition-table = Transition table (QĐ 28/2018/QĐ-TTg):
docs-none = none
docs-event-invalid = invalid event '{ $event }': { $detail }
docs-apply =
    Status: { $from } → { $to }
    Event:  { $event }, at { $at }
    Basis:  { $rule }, { $basis }
docs-notice =
    Notice: { $from } → { $to } ({ $rule }, { $basis })
    {"  "}{ $message }
docs-edxml-code =
    edXML StatusCode { $code }: { $name }
      Status: { $status }
      Event:  { $event }
docs-no-state = — (no state)
docs-no-event = — (no event)
docs-not-urgent = not urgent
docs-note = Note
docs-urgency =
    Urgency:        { $urgency }
    edXML Priority: { $priority }
    Rule:           DOC-12, QĐ 28/2018/QĐ-TTg Đ10.2.k
docs-legal-value = Legal value: { $value }
docs-legal-value-unsettled = not settled by Đ4
docs-cannot-read = cannot read { $path }: { $detail }
docs-paper-copy = Paper copy: { $decision }
docs-paper-copy-required = required
docs-paper-copy-none = none
docs-issued = Issued: { $issued }
docs-yes = yes
docs-no = no
