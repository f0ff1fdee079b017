# Lời của lệnh checklist (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/checklist.ftl.

checklist-in-force = đang có hiệu lực
checklist-draft = dự thảo
checklist-policy = mục tiêu chiến lược
checklist-items = mục
checklist-version = phiên bản
checklist-applies-to = Áp dụng cho
checklist-kpi-title = Mục tiêu của Chiến lược (QĐ 942/QĐ-TTg; định hướng chiến lược, không bắt buộc), tại ngày
checklist-kpi-totals = Số mục tiêu đã theo dõi: { $tracked }; chưa có số liệu: { $without }
checklist-indicator-totals = Số chỉ số: { $count }, không đạt: { $failed }
checklist-report-head = Ngày đánh giá: { $date }   Danh mục: { $checklist } (phiên bản { $version })
checklist-prepared-by = Người lập: { $name }
checklist-overall = Kết quả chung: { $outcome }  —  { $pass } đạt, { $warning } lưu ý, { $unknown } chưa rõ, { $fail } không đạt
checklist-unused-evidence = Bằng chứng không ứng với mục nào (kiểm tra chính tả): { $ids }
