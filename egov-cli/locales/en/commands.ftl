# The words of the code, docnum, docid, metadata, deadline and workday commands (English).
# The same ids in the same order as locales/vi/commands.ftl.

outcome-pass = PASS
outcome-warning = WARNING
outcome-unknown = UNKNOWN
outcome-fail = FAIL
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
cmd-calendar-unreadable = cannot read calendar file { $path }: { $detail }
cmd-day-working = a working day
cmd-day-working-weekend = a working day ({ $reason })
cmd-day-weekend = a weekly rest day
cmd-day-off = a day off: { $reason }
cmd-workday =
    { $date } ({ $weekday }) is { $what }.
    Next working day: { $next } ({ $next_weekday }).
    Calendar: { $calendar }
cmd-calendar-not-covering-year = Note: the calendar table does not cover this year; only weekends were applied.
cmd-morning-end-invalid = --morning-end '{ $value }' is not a time of day (expected HH:MM)
cmd-not-urgent = not urgent
cmd-deadline-date-only = , date only: read as end of day (A-06)
cmd-deadline =
    Signed:          { $signed } ({ $signed_weekday }){ $date_only }
    Urgency:         { $urgency }
    Same-day target: { $same_day }
    Latest:          { $latest } ({ $latest_weekday }, the next working day; morning ends { $morning_end })
cmd-deadline-immediate = Immediate:       { $at } (urgent: send right after digital signing)
cmd-deadline-rule = Rule:            { $rule }, { $basis }
cmd-deadline-calendar = Calendar:        { $calendar }
cmd-calendar-not-covering-deadline = Note: the calendar table does not cover the deadline's year; only weekends were applied.
cmd-calendar-partly-announced = Note: the { $year } schedule is only partly announced; the other days follow the Labour Code 2019 (holidays and Tết: Art. 112; compensatory days: Art. 111), and days may still be swapped.
cmd-calendar-projected = Note: the { $year } schedule is not announced yet; days off follow the Labour Code 2019 (holidays and Tết: Art. 112; compensatory days: Art. 111) with no swapped day, so the answer may change when it is announced (--calendar takes an announced schedule).
cmd-deadline-verdict =
    Sent:            { $sent }
    Verdict:         { $outcome } ({ $rule }, { $basis })
    {"                 "}{ $message }
cmd-cannot-read = cannot read { $path }: { $detail }
cmd-registry-needs-as-of = --registry needs --as-of YYYY-MM-DD: codes change when agencies merge
cmd-code-no-parent = none (level 1)
cmd-code-lenient-would-accept = {" "}— `egov code --lenient` accepts it, stating what it overlooks
cmd-code =
    { $code }: agency code, level { $level }
      parent: { $parent }
      root:   { $root }
      groups: level 4 { $g4 } · level 3 { $g3 } · level 2 { $g2 } · level 1 { $g1 }
cmd-docnum-no-type = none named («công văn» or other)
cmd-docnum =
    { $value }: document number
      number:        { $number }
      year:          { $year }
      symbol:        { $symbol }
      type:          { $doc_type }
      issuer:        { $issuer }
      drafting unit: { $unit }
cmd-docid =
    { $value }: document identifier (edXML form)
      agency:         { $agency }
      date:           { $date }
      number:         { $number }
      year, sequence: { $year_seq }
cmd-metadata = Metadata record (QĐ 28/2018/QĐ-TTg Đ10.2): { $outcome }
