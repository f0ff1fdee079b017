//! The legal definitions of the enacted instruments, as a bilingual table (rule CORE-12;
//! NĐ 137/2024 Đ3 and QĐ 28/2018 Đ3, «Giải thích từ ngữ»), for documentation, enum descriptions
//! and user interfaces. The Vietnamese term and definition are verbatim: each entry reads
//! «{term} là {definition_vi}» in the seed text (a test checks it).
//!
//! ```
//! use egov_core::definitions::{definition, DEFINITIONS};
//! let d = definition("Bên nhận").unwrap();
//! assert_eq!(d.term_en, "Receiver");
//! assert_eq!(d.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ3.5");
//! assert_eq!(DEFINITIONS.len(), 10);
//! ```

use crate::legal::{Instrument, LegalRef};

/// One defined term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The term in the instrument's words.
    pub term_vi: &'static str,
    /// The definition, verbatim (what follows «là»).
    pub definition_vi: &'static str,
    /// The term in English.
    pub term_en: &'static str,
    /// The definition in English (a translation, not legal text).
    pub definition_en: &'static str,
    /// Where it is defined.
    pub basis: LegalRef,
}

const fn def(
    instrument: Instrument,
    clause: u8,
    term_vi: &'static str,
    definition_vi: &'static str,
    term_en: &'static str,
    definition_en: &'static str,
) -> Definition {
    Definition {
        term_vi,
        definition_vi,
        term_en,
        definition_en,
        basis: LegalRef::clause(instrument, 3, clause),
    }
}

/// Every definition of NĐ 137/2024 Đ3 and QĐ 28/2018 Đ3 (CORE-12), in the instruments' order.
pub static DEFINITIONS: [Definition; 10] = [
    def(
        Instrument::Nd137_2024,
        1,
        "Quản trị nội bộ trên môi trường điện tử",
        "việc cơ quan nhà nước thực hiện một phần hoặc toàn bộ hoạt động quản trị nội bộ theo chức năng, nhiệm vụ bằng phương tiện điện tử.",
        "Internal administration in the electronic environment",
        "A state agency carrying out part or all of its internal administration, according to its functions and tasks, by electronic means.",
    ),
    def(
        Instrument::Nd137_2024,
        2,
        "Chỉ đạo, điều hành trên môi trường điện tử",
        "việc cơ quan nhà nước thực hiện một phần hoặc toàn bộ hoạt động chỉ đạo, điều hành theo chức năng, nhiệm vụ bằng phương tiện điện tử.",
        "Direction and operation in the electronic environment",
        "A state agency carrying out part or all of its direction and operation, according to its functions and tasks, by electronic means.",
    ),
    def(
        Instrument::Nd137_2024,
        3,
        "Giám sát, kiểm tra trên môi trường điện tử",
        "việc cơ quan nhà nước có thẩm quyền thực hiện một phần hoặc toàn bộ hoạt động giám sát, kiểm tra trong lĩnh vực, địa bàn thuộc phạm vi nhiệm vụ, quyền hạn được phân công bằng phương tiện điện tử.",
        "Supervision and inspection in the electronic environment",
        "A competent state agency carrying out part or all of the supervision and inspection in the sectors and areas assigned to it, by electronic means.",
    ),
    def(
        Instrument::Nd137_2024,
        4,
        "Hệ thống quản lý văn bản và điều hành",
        "hệ thống thông tin được xây dựng với chức năng chính là quản lý, xử lý văn bản và hồ sơ công việc, hỗ trợ chỉ đạo, điều hành, tác nghiệp và theo dõi tình hình thực hiện nhiệm vụ trong cơ quan nhà nước trên môi trường điện tử.",
        "Document management and operation system",
        "An information system whose main functions are managing and processing documents and work files, supporting direction, operation and day-to-day work, and following the progress of tasks in a state agency, in the electronic environment.",
    ),
    def(
        Instrument::Nd137_2024,
        5,
        "Hệ thống thông tin phục vụ chỉ đạo, điều hành của cơ quan nhà nước",
        "hệ thống thông tin được xây dựng để thu thập, tạo lập, tổng hợp, phân tích, lưu trữ, kết nối, chia sẻ, cung cấp thông tin và dữ liệu hỗ trợ lãnh đạo, quản lý trong quá trình quản trị nội bộ và ra quyết định dựa trên dữ liệu số.",
        "Information system serving the direction and operation of state agencies",
        "An information system built to collect, create, aggregate, analyse, store, connect, share and provide information and data that support leaders and managers in internal administration and data-driven decisions.",
    ),
    def(
        Instrument::Qd28_2018,
        1,
        "Văn bản điện tử",
        "văn bản dưới dạng thông điệp dữ liệu, theo thể thức, định dạng do cơ quan nhà nước có thẩm quyền quy định, được tạo lập hoặc được số hóa từ văn bản giấy.",
        "Electronic document",
        "A document in the form of a data message, in the layout and format set by the competent state agency, created as such or digitised from a paper document.",
    ),
    def(
        Instrument::Qd28_2018,
        2,
        "Gửi, nhận văn bản điện tử",
        "việc cơ quan trong hệ thống hành chính nhà nước gửi, nhận văn bản điện tử qua các hệ thống quản lý văn bản và điều hành được kết nối, liên thông với nhau bằng các giải pháp kỹ thuật, công nghệ.",
        "Sending and receiving electronic documents",
        "Agencies of the state administrative system sending and receiving electronic documents through document management and operation systems connected and interlinked by technical and technological solutions.",
    ),
    def(
        Instrument::Qd28_2018,
        3,
        "Trục liên thông văn bản quốc gia",
        "giải pháp kỹ thuật, công nghệ được triển khai từ Văn phòng Chính phủ tới các bộ, ngành, địa phương để kết nối, liên thông gửi, nhận văn bản điện tử.",
        "National document axis",
        "The technical solution deployed from the Government Office to ministries, sectors and localities to connect and interlink the sending and receiving of electronic documents.",
    ),
    def(
        Instrument::Qd28_2018,
        4,
        "Bên gửi",
        "cơ quan trong hệ thống hành chính nhà nước phát hành văn bản điện tử.",
        "Sender",
        "The agency of the state administrative system that issues an electronic document.",
    ),
    def(
        Instrument::Qd28_2018,
        5,
        "Bên nhận",
        "cơ quan trong hệ thống hành chính nhà nước tiếp nhận văn bản điện tử.",
        "Receiver",
        "The agency of the state administrative system that receives an electronic document.",
    ),
];

/// The definition of a term, looked up by its Vietnamese or English name (case-insensitive).
pub fn definition(term: &str) -> Option<&'static Definition> {
    let t = term.trim().to_lowercase();
    DEFINITIONS
        .iter()
        .find(|d| d.term_vi.to_lowercase() == t || d.term_en.to_lowercase() == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_12_definitions_are_verbatim_from_article_3_of_each_instrument() {
        let s001 = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");
        let s004 = include_str!("../../testdata/seeds/004_470975e342d407df.txt");
        for d in &DEFINITIONS {
            let seed = match d.basis.instrument {
                Instrument::Nd137_2024 => s001,
                _ => s004,
            };
            let article3 = &seed
                [seed.find("Điều 3. Giải thích từ ngữ").unwrap()..seed.find("Điều 4.").unwrap()];
            let line = format!(
                "{}. {} là {}",
                d.basis.clause.unwrap(),
                d.term_vi,
                d.definition_vi
            );
            assert!(article3.contains(&line), "not verbatim in Đ3: {line}");
        }
        // Five terms in each instrument, none missing.
        for inst in [Instrument::Nd137_2024, Instrument::Qd28_2018] {
            let n = DEFINITIONS
                .iter()
                .filter(|d| d.basis.instrument == inst)
                .count();
            assert_eq!(n, 5);
        }
        assert_eq!(
            definition("trục liên thông văn bản quốc gia")
                .unwrap()
                .basis
                .clause,
            Some(3)
        );
        assert_eq!(definition("Sender").unwrap().term_vi, "Bên gửi");
        assert!(definition("Cổng dịch vụ công").is_none());
    }
}
