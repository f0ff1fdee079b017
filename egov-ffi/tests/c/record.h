/* A complete, compliant metadata record a)–q) (DOC-10), shared by the tests and the benchmark. */
#ifndef EGOV_TEST_RECORD_H
#define EGOV_TEST_RECORD_H

static const char *RECORD =
    "{\"agency_code\":\"000.00.00.G22\","
    "\"document_id\":\"000.00.00.G22,2018/09/20,7816/VPCP-TTĐT\","
    "\"number\":\"7816/VPCP-TTĐT\",\"date\":\"2018-09-20\",\"doc_type\":\"Công văn\","
    "\"summary\":\"V/v triển khai Trục liên thông văn bản quốc gia\",\"status\":\"đã đến\","
    "\"signer\":{\"position\":\"KT. BỘ TRƯỞNG, CHỦ NHIỆM\",\"full_name\":\"Nguyễn Văn A\"},"
    "\"sender\":\"000.00.00.G22\",\"receivers\":[\"000.00.00.H41\"],"
    "\"sent_at\":\"2018-09-20T14:05:00+07:00\","
    "\"history\":[{\"at\":\"2018-09-20T14:05:00+07:00\",\"status\":\"đã đến\"}]}";

#endif
