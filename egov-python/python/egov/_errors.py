"""The exception hierarchy of egov, mapped from the stable error codes of the Rust library.

Every error raised by egov is an :class:`EgovError`; ``exc.code`` is the library's stable code
(``"agency_code.group_length"``), ``exc.message`` the human-readable message in English and
``exc.message_vi`` the same in Vietnamese (CORE-06: every error of the egov libraries says what
went wrong in Vietnamese, the binding's own ``ffi.*`` errors included). The subclass is
chosen by the code's area (the part before the first dot).
"""

from __future__ import annotations

from typing import Optional


class EgovError(Exception):
    """Base class of every egov error. ``code`` is stable; ``message`` (English) and
    ``message_vi`` (Vietnamese; ``None`` only for an error made by hand) may be reworded."""

    def __init__(self, code: str, message: str, message_vi: Optional[str] = None) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
        self.message_vi = message_vi


class InvalidArgumentError(EgovError, ValueError):
    """An argument the binding could not use (bad JSON shape, too large, bad date): ``ffi.*``, ``date.*``."""


class TimeError(EgovError, ValueError):
    """A timestamp that is not ISO 8601 with an offset (``time.*``, ``deadline.time``)."""


class CalendarError(EgovError, ValueError):
    """A calendar table or computation failed (``calendar.*``)."""


class AgencyCodeError(EgovError, ValueError):
    """Not an agency code (``agency_code.*``)."""


class RegistryError(EgovError, ValueError):
    """An agency registry that could not be read (``registry.*``)."""


class DocumentIdError(EgovError, ValueError):
    """Not a document identifier (``document_id.*``)."""


class DocumentNumberError(EgovError, ValueError):
    """Not a document number «số và ký hiệu» (``doc_number.*``)."""


class UrgencyError(EgovError, ValueError):
    """Not an urgency (``urgency.*``)."""


class StatusError(EgovError, ValueError):
    """A status that does not parse or a transition that is not allowed (``status.*``)."""


class DeadlineError(EgovError, ValueError):
    """A deadline that cannot be computed (``deadline.*``)."""


class MetadataError(EgovError, ValueError):
    """A metadata record that is not valid JSON for the DOC-10 schema (``metadata.*``)."""


class ConversionError(EgovError, ValueError):
    """A conversion mark, signed payload, trust set or page image that could not be used
    (``payload.*``, ``trust_set.*``, ``image.*``, ``render.*``, ``scan.*``), a trust list that
    could not be read, built or signed (``trust_list.*``), or a Đ23 transition
    deadline that cannot be computed (``transition.*``)."""


class PlatformError(EgovError, ValueError):
    """A platform classification that cannot be made (``platform.*``, e.g. too few months)."""


class TrustError(EgovError, ValueError):
    """Network-trust evidence that could not be read (``trust.*``, ``tls.*``, ``tls_policy.*``,
    ``links.*``, ``probe.*``)."""


class EdxmlError(EgovError, ValueError):
    """An edXML package that could not be read, built or signed (``edxml.*``: ``edxml.doctype``,
    ``edxml.malformed``, ``edxml.limit``, ``edxml.not_edxml``, ``edxml.build.*``; ``dsig.*``:
    ``dsig.sign.key``, ``dsig.sign.already_signed``, …). A signature that does not verify is a
    result of :func:`egov.verify_edxml`, not an error."""


class PdfError(EgovError, ValueError):
    """A PDF that could not be stamped, signed or read (``pdf.*``: ``pdf.encrypted``, ``pdf.not_pdf``,
    ``pdf.parse``, ``pdf.xref_damaged``, ``pdf.no_blank_area``, ``pdf.locked``, ``pdf.sign``,
    …), or a signer's key or certificate that could not be used (``sign.key.*``:
    ``sign.key.pkcs12`` for a wrong password, ``sign.key.certificate_mismatch``, …). A mark or
    signature that does not verify is a result of :func:`egov.verify_pdf` or
    :func:`egov.verify_pdf_signatures`, not an error."""


class InternalError(EgovError):
    """A bug in egov (``ffi.panic``, ``ffi.serialize``): please report it."""


_BY_AREA = {
    "ffi": InvalidArgumentError,
    "date": InvalidArgumentError,
    "usage": InvalidArgumentError,
    "time": TimeError,
    "calendar": CalendarError,
    "agency_code": AgencyCodeError,
    "registry": RegistryError,
    "document_id": DocumentIdError,
    "doc_number": DocumentNumberError,
    "urgency": UrgencyError,
    "status": StatusError,
    "deadline": DeadlineError,
    "metadata": MetadataError,
    "payload": ConversionError,
    "trust_set": ConversionError,
    "trust_list": ConversionError,
    "image": ConversionError,
    "render": ConversionError,
    "scan": ConversionError,
    "transition": ConversionError,
    "platform": PlatformError,
    "trust": TrustError,
    "tls": TrustError,
    "tls_policy": TrustError,
    "links": TrustError,
    "probe": TrustError,
    "edxml": EdxmlError,
    "dsig": EdxmlError,
    "pdf": PdfError,
    "sign": PdfError,
}

_INTERNAL = {"ffi.panic", "ffi.serialize", "ffi.interior_nul"}


def from_code(code: str, message: str, message_vi: Optional[str] = None) -> EgovError:
    """The exception instance for an error code (used by the native module)."""
    if code in _INTERNAL:
        return InternalError(code, message, message_vi)
    if code == "deadline.time":
        return TimeError(code, message, message_vi)
    cls = _BY_AREA.get(code.split(".", 1)[0], EgovError)
    return cls(code, message, message_vi)
