# The words of the checklist command (English). The same ids in the same order as
# locales/vi/checklist.ftl.

checklist-in-force = in force
checklist-draft = draft
checklist-policy = policy
checklist-items = items
checklist-version = version
checklist-applies-to = Applies to
checklist-kpi-title = Targets of the strategy (QĐ 942/QĐ-TTg; strategy targets, not binding), on
checklist-kpi-totals = Targets tracked: { $tracked }; without observations: { $without }
checklist-indicator-totals = Indicators: { $count }, failed: { $failed }
checklist-report-head = Evaluation date: { $date }   Checklist: { $checklist } ({ $version })
checklist-prepared-by = Prepared by: «{ $name }»
checklist-overall = Overall: { $outcome }  —  { $pass } pass, { $warning } warning, { $unknown } unknown, { $fail } fail
checklist-unused-evidence = Evidence matching no item (check the spelling): { $ids }
