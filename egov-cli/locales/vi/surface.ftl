# egov --version, completions, man (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/.

surface-features-none = không có
surface-version = { $version } (tính năng: { $features })
surface-cannot-write = không ghi được { $path }: { $detail }
surface-wrote-pages = Đã ghi { $count } trang hướng dẫn vào { $dir }:
usage-file-argument = «{ $file }» là một tệp: lệnh này nhận tệp qua tùy chọn { $options }
