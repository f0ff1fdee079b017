"""egov: Vietnamese e-government compliance (QĐ 28/2018/QĐ-TTg, QCVN 102:2016) from Python.

A thin layer over the Rust library (the same code as the C ABI): results are plain ``dict``\\ s
with the keys of the library's JSON form (documented per function), timestamps are
timezone-aware :class:`datetime.datetime` (Vietnam time, UTC+07:00) and dates
:class:`datetime.date`, in and out. Errors are :class:`EgovError` subclasses with a stable
``.code``.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os
import re as _re
from typing import Any, Dict, List, Mapping, Optional, Protocol, Sequence, Tuple, Union

from . import _egov
from ._errors import (
    AgencyCodeError,
    CalendarError,
    ConversionError,
    DeadlineError,
    DocumentIdError,
    DocumentNumberError,
    EdxmlError,
    EgovError,
    InternalError,
    InvalidArgumentError,
    MetadataError,
    PdfError,
    PlatformError,
    RegistryError,
    StatusError,
    TimeError,
    TrustError,
    UrgencyError,
)

__version__: str = _egov.__version__
OPERATIONS = tuple(_egov.OPERATIONS)

__all__ = [
    "ActiveUserCounter", "AgencyCodeError", "Calendar", "CalendarError", "ConversionError",
    "DeadlineError", "DocumentIdError", "DocumentNumberError", "EdxmlError", "EgovError",
    "InternalError",
    "InvalidArgumentError", "MetadataError", "OPERATIONS", "PdfError", "PlatformError",
    "RegistryError",
    "StatusError", "StatusTracker", "TimeError", "TrustError", "UrgencyError",
    "apply_sender_step", "apply_status", "call", "check_channel", "check_conversion_system",
    "check_registry", "check_security_txt", "classify_platform", "count_active_users",
    "count_active_users_csv", "count_active_users_file", "Monthly", "declare_trust", "edxml_status", "evaluate_site",
    "evaluate_trust_criterion", "generate_signing_key", "trust_set_from_key", "is_ancestor_of", "legal_value", "make_conversion_mark",
    "match_blocklist", "paper_copy_required", "parse_agency_code", "parse_document_id",
    "parse_document_number", "parse_time", "parse_urgency", "platform_next_due",
    "platform_report", "check_law_art12", "render_conversion_mark", "scan_links", "send_deadline", "urgent_handover",
    "sign_conversion_mark", "stamp_page", "validate_conversion_mark", "validate_metadata",
    "verify_conversion_qr", "verify_document", "verify_page",
    "build_edxml", "build_edxml_file", "check_edxml", "edxml_qcvn_dates", "extract_edxml",
    "read_edxml",
    "sign_edxml", "verify_edxml", "Signer", "BytesOrPath",
    "sign_pdf", "stamp_pdf", "verify_pdf", "verify_pdf_signatures",
    "add_trust_list_entry", "check_mark", "cosign_trust_list", "issue_trust_list",
    "new_trust_list", "retire_trust_list_key", "revoke_trust_list_key", "verify_trust_lists",
    "ArrowColumns", "ArrowCounter", "count_active_users_arrow", "engine_sql", "summary_from_engine",
    "summary_from_engine_rows", "list_checklists", "checklist_template", "run_checklist", "check_indicators",
    "check_request",
    # Type aliases of the signatures, for callers' own annotations.
    "DateLike", "DateTimeLike", "PdfInput", "Pem", "TrustListLike", "TrustRequest",
]


def __dir__() -> List[str]:
    """The package's public names (``__all__``), as ``dir(egov)`` and tab completion show them:
    not the names it imports for its own use (``Any``, ``os``, …)."""
    extra = {"__version__"} | ({"spark"} if "spark" in globals() else set())
    return sorted(set(__all__) | extra)

DateLike = Union[_dt.date, str]
"""A calendar date: :class:`datetime.date`, or its ISO text (``2025-03-14``)."""
DateTimeLike = Union[_dt.datetime, str]
"""A moment: an aware :class:`datetime.datetime` (a naive one is refused,
``time.missing_offset``), or its RFC 3339 text (``2025-03-14T09:00:00+07:00``)."""

BytesOrPath = Union[bytes, "os.PathLike[str]"]
"""A file's content: its bytes, or a path (:class:`os.PathLike`, e.g. :class:`pathlib.Path`) to
read it from. A plain ``str`` is not taken as a path (it would be ambiguous with text), and
nothing else is turned into bytes: ``bytes(pathlib.Path("a.edxml"))`` is the path's own text,
which would then be checked as the document."""

PdfInput = BytesOrPath
"""A PDF: its bytes, or a path (:class:`os.PathLike`, e.g. :class:`pathlib.Path`) to read."""


def _file_bytes(data: BytesOrPath, what: str) -> bytes:
    """The bytes given, or those of the file at a path; anything else is a :class:`TypeError`
    naming the argument."""
    if isinstance(data, os.PathLike):
        with open(os.fspath(data), "rb") as f:
            return f.read()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"{what}: expected bytes or a path (os.PathLike, e.g. pathlib.Path), "
                    f"got {type(data).__name__}")

# Keys whose string values are converted to datetime / date in results.
_DATETIME_KEYS = frozenset({
    "datetime", "at", "arrived_at", "signed_at", "same_day_target", "latest", "immediate",
    "sent_at", "evaluated_at", "converted_at", "due",
})
_DATE_KEYS = frozenset({"date", "next_working_day", "promulgation_date", "as_of",
                        "valid_from", "valid_to", "effective_date", "period_end", "last_day"})


# User-owned maps in results (a mark's extensions): their values are returned as given.
_OPAQUE_KEYS = frozenset({"extensions"})
# Only the library's own forms are converted: a timestamp with seconds and an offset, a date.
_DATETIME_RE = _re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_DATE_RE = _re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_python(value: Any, key: Optional[str] = None) -> Any:
    if isinstance(value, dict):
        if key in _OPAQUE_KEYS:
            return dict(value)
        return {k: _to_python(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_python(v) for v in value]
    if isinstance(value, str):
        try:
            if key in _DATETIME_KEYS and _DATETIME_RE.fullmatch(value):
                return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if key in _DATE_KEYS and _DATE_RE.fullmatch(value):
                return _dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        # The library's dates reach year 262142; Python's end at 9999.
        raise CalendarError(
            "calendar.overflow", f"date {text} is outside the range of datetime.date",
            f"ngày {text} nằm ngoài phạm vi của datetime.date trong Python",
        ) from None


def _load(text: str) -> Any:
    return _to_python(_json.loads(text))


def _load_dict(text: str) -> Dict[str, Any]:
    value: Dict[str, Any] = _load(text)
    return value


def _time_text(value: DateTimeLike) -> str:
    if isinstance(value, _dt.datetime):
        # A naive datetime has no offset: the library refuses it (time.missing_offset).
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"expected datetime or str, got {type(value).__name__}")


def _date_text(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        raise TypeError("expected a date, got a datetime")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"expected date or str, got {type(value).__name__}")


def _json_value(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            # As for a naive datetime argument, which the library refuses with this code.
            raise TimeError("time.missing_offset",
                            f"{value.isoformat()} has no offset; give tzinfo (Vietnam is UTC+07:00)",
                            f"mốc thời gian '{value.isoformat()}' thiếu múi giờ so với UTC; hãy đặt "
                            "tzinfo (giờ Việt Nam là UTC+07:00)")
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        # PEM, HTML and security.txt travel as JSON text.
        return bytes(value).decode("utf-8")
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _json_text(value: Union[str, Mapping[str, Any]]) -> str:
    """JSON text of a mapping; ``datetime``/``date`` values (results of this package) and UTF-8
    ``bytes`` are written in the library's JSON form."""
    if isinstance(value, str):
        return value
    return _json.dumps(value, ensure_ascii=False, default=_json_value)


def _event_text(event: Union[str, Mapping[str, Any]]) -> str:
    """A status event for the library: a mapping (or its JSON text) as is, a name as a JSON
    string (the library reads the code or the Vietnamese name)."""
    if isinstance(event, str) and not event.lstrip().startswith("{"):
        return _json.dumps(event, ensure_ascii=False)
    return _json_text(event)


def call(op: str, args: Mapping[str, Any]) -> Any:
    """Runs a library operation by name with JSON-form arguments and returns its JSON form
    (strings, not datetimes). The generic entry point of the shared test vectors; see
    :data:`OPERATIONS`."""
    return _json.loads(_egov.call(op, _json_text(args)))


# --- time and calendar -------------------------------------------------------------------

def parse_time(value: str, *, local: bool = False) -> _dt.datetime:
    """Parses an ISO 8601 timestamp into an aware datetime in Vietnam time (CORE-01). Without
    an offset it is a :class:`TimeError` unless ``local`` (read as Vietnam time)."""
    parsed: _dt.datetime = _load_dict(_egov.time_parse(value, local))["datetime"]
    return parsed


class Calendar:
    """A working-day calendar (CORE-02): :meth:`vietnam` (built in: holidays, Tết, swapped
    days) or :meth:`from_json` (the caller's table, a dict or JSON text)."""

    __slots__ = ("_native",)

    def __init__(self, native: _egov.Calendar) -> None:
        self._native = native

    @classmethod
    def vietnam(cls) -> "Calendar":
        return cls(_egov.Calendar.vietnam())

    @classmethod
    def from_json(cls, table: Union[str, Mapping[str, Any]]) -> "Calendar":
        return cls(_egov.Calendar.from_json(_json_text(table)))

    @property
    def name(self) -> str:
        return self._native.name

    def to_json(self) -> str:
        return self._native.to_json()

    def is_working_day(self, day: DateLike) -> bool:
        return self._native.is_working_day(_date_text(day))

    def next_working_day(self, day: DateLike) -> _dt.date:
        return _date(self._native.next_working_day(_date_text(day)))

    def add_working_days(self, day: DateLike, days: int) -> _dt.date:
        if days < 0:
            raise InvalidArgumentError("ffi.invalid_arguments", "days must not be negative",
                                       "đối số 'days' không được âm")
        return _date(self._native.add_working_days(_date_text(day), days))

    def day(self, day: DateLike) -> Dict[str, Any]:
        """Keys: ``date``, ``is_working_day``, ``day_kind``, ``next_working_day``, ``calendar``,
        ``calendar_covers_date``, ``calendar_schedule`` (``"announced"``,
        ``"partly_announced"``, ``"projected"``: the statutory projection, which may change when
        the year's schedule is announced, or ``"not_covered"``)."""
        return _load_dict(self._native.day(_date_text(day)))


# --- identifiers ---------------------------------------------------------------------------

def parse_agency_code(code: str, *, lenient: bool = False) -> Dict[str, Any]:
    """An agency code (DOC-01…03). Keys: ``code``, ``level`` (1–4), ``parent`` (None at level
    1), ``root``, ``groups`` (level 4 … level 1), ``findings``."""
    return _load_dict(_egov.agency_parse(code, lenient))


def is_ancestor_of(ancestor: str, descendant: str) -> bool:
    """Whether ``ancestor`` is a strict ancestor of ``descendant`` (DOC-03)."""
    return _egov.agency_is_ancestor_of(ancestor, descendant)


def check_registry(code: str, registry: Union[str, Mapping[str, Any]], as_of: DateLike) -> Dict[str, Any]:
    """The registry check of ``code`` on ``as_of`` (DOC-04). ``registry`` is CSV text, JSON text
    or a dict. Keys: ``code``, ``as_of``, ``status`` (``{"status": "valid"|"expired"|…}``),
    ``finding``."""
    return _load_dict(_egov.agency_registry_check(code, _json_text(registry), _date_text(as_of)))


def parse_document_id(document_id: str) -> Dict[str, Any]:
    """An edXML document identifier (DOC-08). Keys: ``id``, ``organ_id``,
    ``promulgation_date`` (date), ``number``, ``structural``, ``findings``."""
    return _load_dict(_egov.document_id_parse(document_id))


def parse_document_number(number: str) -> Dict[str, Any]:
    """A document number «số và ký hiệu». Keys: ``canonical``, ``number``, ``year``,
    ``symbol``, ``type_abbreviation``, ``doc_type``, ``issuer``, ``drafting_unit`` (of a công
    văn: ``05/BNV-VP`` → ``VP``), ``findings``."""
    return _load_dict(_egov.number_parse(number))


def parse_urgency(value: str) -> Dict[str, Any]:
    """An urgency (DOC-12). Keys: ``urgency`` (None = not urgent), ``name_vi``, ``name_en``,
    ``edxml_priority``."""
    return _load_dict(_egov.urgency_parse(value))


# --- status ---------------------------------------------------------------------------------

def apply_status(status: str, event: Union[str, Mapping[str, Any]],
                 at: DateTimeLike) -> Dict[str, Any]:
    """One transition (DOC-22, DOC-27…30). ``event`` is e.g. ``{"event": "reject", "reason":
    "…"}``, or the name of an event without data, its code or its Vietnamese name
    (``"accept"``, ``"tiếp nhận"``; a rejection needs its reason). Keys: ``from``, ``to``,
    ``event``, ``at`` (datetime), ``rule``, ``basis``, ``notices``."""
    return _load_dict(_egov.status_apply(status, _event_text(event), _time_text(at)))


def edxml_status(code: str) -> Dict[str, Any]:
    """An edXML StatusCode (``"02"``; or its name, ``"từ chối tiếp nhận"``, or the status it
    announces, ``"từ chối"``). Keys: ``code``, ``status``, ``event``."""
    return _load_dict(_egov.status_from_edxml(code))


def apply_sender_step(status: str, step: str) -> Dict[str, Any]:
    """One sender-side step (DOC-25). Keys: ``status``, ``may_send``."""
    return _load_dict(_egov.sender_apply(status, step))


class StatusTracker:
    """The status history of one e-document at one receiver (DOC-22)."""

    __slots__ = ("_native",)

    def __init__(self, receiver: str, arrived_at: DateTimeLike) -> None:
        self._native = _egov.Tracker(receiver, _time_text(arrived_at))

    @classmethod
    def from_json(cls, text: str) -> "StatusTracker":
        t = cls.__new__(cls)
        t._native = _egov.Tracker.from_json(text)
        return t

    def record(self, event: Union[str, Mapping[str, Any]], at: DateTimeLike) -> Dict[str, Any]:
        """Records ``event`` at ``at``; returns the transition (see :func:`apply_status`)."""
        return _load_dict(self._native.record(_event_text(event), _time_text(at)))

    @property
    def status(self) -> str:
        return self._native.status

    def to_json(self) -> str:
        return self._native.to_json()


# --- deadlines, legal value, metadata -----------------------------------------------------

def send_deadline(
    signed: Union[_dt.datetime, _dt.date, str],
    *,
    urgency: Optional[str] = None,
    sent: Optional[DateTimeLike] = None,
    calendar: Optional[Calendar] = None,
    morning_end: Optional[_dt.time] = None,
    policy: Optional[Mapping[str, Any]] = None,
    local: bool = False,
) -> Dict[str, Any]:
    """The send deadline (DOC-19, DOC-21) and, with ``sent``, its judgement. ``signed`` is an
    aware datetime, or a date (then the end of that day, A-06). Keys: ``deadline`` (with
    ``signed_at``, ``same_day_target``, ``latest``, ``immediate`` as datetimes,
    ``next_working_day`` as date, ``rule``, ``basis``, ``policy``, ``calendar``,
    ``calendar_covers``, ``calendar_schedule`` as in :meth:`Calendar.day`) and ``judgement`` (a
    finding) when ``sent`` is given."""
    if isinstance(signed, _dt.datetime):
        signed_text = signed.isoformat()
    elif isinstance(signed, _dt.date):
        signed_text = signed.isoformat()
    else:
        signed_text = signed
    req: Dict[str, Any] = {"signed": signed_text, "local": local}
    if urgency is not None:
        req["urgency"] = urgency
    if sent is not None:
        req["sent"] = _time_text(sent)
    if morning_end is not None:
        req["morning_end"] = morning_end.strftime("%H:%M")
    if policy is not None:
        req["policy"] = dict(policy)
    native_cal = calendar._native if calendar is not None else None
    return _load_dict(_egov.deadline(_json_text(req), native_cal))


def urgent_handover(
    urgency: str,
    accepted: DateTimeLike,
    *,
    handed_over: Optional[DateTimeLike] = None,
    as_of: Optional[DateTimeLike] = None,
    policy: Optional[Mapping[str, Any]] = None,
    local: bool = False,
) -> Dict[str, Any]:
    """The receive side of DOC-21 (QĐ 28/2018/QĐ-TTg Đ6.2): an urgent document «phải được trình,
    chuyển giao xử lý ngay sau khi tiếp nhận». ``accepted`` is when it was taken in, ``handed_over``
    when it was handed over for processing (else ``as_of`` is needed). ``policy``:
    ``{"tolerance_seconds": N}``, zero by default (A-07). Returns one finding (``outcome`` pass,
    fail or unknown; ``evidence`` with the deadline and any lateness)."""
    req: Dict[str, Any] = {"urgency": urgency, "accepted": _time_text(accepted), "local": local}
    if handed_over is not None:
        req["handed_over"] = _time_text(handed_over)
    if as_of is not None:
        req["as_of"] = _time_text(as_of)
    if policy is not None:
        req["policy"] = dict(policy)
    return _load_dict(_egov.call("deadline.handover", _json_text(req)))


def legal_value(*, digitally_signed_per_law: bool, sent_via_system: bool) -> Dict[str, Any]:
    """Legal value (DOC-14). Keys: ``value`` (``equivalent_to_paper``, ``reference_only`` or
    None), ``finding``."""
    return _load_dict(_egov.legal_value(digitally_signed_per_law, sent_via_system))


def paper_copy_required(case: Mapping[str, Any], policy: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Whether paper goes with the e-document (DOC-17). ``case``: ``document_type``,
    ``legal_value``, ``to_government_per_working_regulation``. Keys: ``required``, ``grounds``,
    ``finding``."""
    return _load_dict(_egov.paper_copy(_json_text(case), None if policy is None else _json_text(policy)))


def check_channel(*, sent_via_system: bool, sender_ready: bool, receiver_ready: bool) -> Dict[str, Any]:
    """The channel obligation (DOC-16): a finding (``rule``, ``basis``, ``outcome``,
    ``message``, ``message_vi``, …)."""
    facts = {"sent_via_system": sent_via_system, "sender_ready": sender_ready,
             "receiver_ready": receiver_ready}
    return _load_dict(_egov.check_channel(_json_text(facts)))


def validate_metadata(record: Union[str, Mapping[str, Any]], policy: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Validates a metadata record a)–q) (DOC-10). Keys: ``overall`` (``pass``, ``warning``,
    ``unknown``, ``fail``) and ``findings``."""
    return _load_dict(_egov.metadata_validate(_json_text(record), None if policy is None else _json_text(policy)))


# ---------------------------------------------------------------------------------------------
# Conversion marks (egov-conversion)
# ---------------------------------------------------------------------------------------------

def make_conversion_mark(direction: str, converted_at: DateTimeLike, converter_full_name: str, *,
                         profile: str = "general",
                         source_system: Optional[Mapping[str, Any]] = None,
                         mark_text: Optional[str] = None,
                         wording: Optional[Mapping[str, str]] = None,
                         extensions: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """Makes a conversion mark (CONV-02, CONV-09…11; NĐ 137/2024 Đ4.1, Đ5.1–2) from its facts:
    ``direction`` ``"paper_to_data"`` or ``"data_to_paper"``, ``profile`` ``"general"``,
    ``"admin_procedure_result"``, ``"sao_y"``, ``"sao_luc"`` or ``"trich_sao"``; data → paper
    needs ``source_system`` (``system_name``, ``owner_name``, ``locator``). The text mark is the
    SDK wording (A-08, not a legal text) unless ``mark_text`` or ``wording`` gives it. Keys:
    ``mark`` (to pass to :func:`sign_conversion_mark`), ``overall``, ``findings``."""
    request: Dict[str, Any] = {"direction": direction, "profile": profile,
                               "converted_at": _time_text(converted_at),
                               "converter_full_name": converter_full_name}
    for key, value in (("source_system", source_system), ("mark_text", mark_text),
                       ("wording", wording), ("extensions", extensions)):
        if value is not None:
            request[key] = value
    return _load_dict(_egov.conversion_make(_json_text(request)))


def check_conversion_system(system: Union[str, Mapping[str, Any]], *,
                            now: Optional[DateTimeLike] = None,
                            effective_date: Optional[DateLike] = None,
                            calendar: Optional[Calendar] = None) -> Dict[str, Any]:
    """A conversion system against the capabilities of NĐ 137/2024 Đ4.2 (CONV-07) and Đ5.3
    (CONV-16), and the Đ23 transition deadline (CONV-21; 24 months after ``effective_date``,
    default 2024-10-23, rolled to the next working day, A-17), judged at ``now`` when given.
    ``system``: ``paper_to_data``, ``data_to_paper``, ``law_12_1_d_applies``, ``evidence``
    (capability → ``{"status": "attested", "by", "reference"}`` or ``{"status": "missing"}``).
    Keys: ``overall``, ``findings``, ``transition_deadline``, ``transition``."""
    return _load_dict(_egov.conversion_check_system(
        _json_text(system),
        None if now is None else _time_text(now),
        None if effective_date is None else _date_text(effective_date),
        None if calendar is None else calendar._native))


def check_law_art12(mark: Mapping[str, Any], facts: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """The conversion against khoản 1 (paper → data message, CONV-01) or khoản 2 (data message →
    paper, CONV-08) of Điều 12 of the Law on E-Transactions, one finding per point: the mark as
    egov validates it and the converter's ``facts`` (``content_intact``,
    ``accessible_for_reference``, ``licence_like``, ``digitally_signed``,
    ``law_provides_otherwise``; a fact not given is ``unknown``). The Law is not among the seeds:
    each finding's evidence says so. Keys: ``overall``, ``findings``."""
    req: Dict[str, Any] = {"mark": dict(mark)}
    if facts is not None:
        req["facts"] = dict(facts)
    return _load_dict(_egov.call("conversion.law_art12", _json_text(req)))


def validate_conversion_mark(mark: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
    """Validates a conversion mark (CONV-02…15, Nghị định 137/2024). Keys: ``overall`` and
    ``findings``."""
    return _load_dict(_egov.conversion_validate(_json_text(mark)))


def sign_conversion_mark(mark: Union[str, Mapping[str, Any]], content: BytesOrPath, secret_key: str,
                         options: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Signs a conversion mark over the SHA-256 of ``content`` with the Ed25519 key whose 32-byte
    seed is ``secret_key`` (64 hex digits). ``options``: ``lookup_url``, ``limits``. Keys:
    ``qr_text``, ``qr_version``, ``key_id``, ``public_key``, ``content_sha256``, ``lookup_url``,
    ``mark``."""
    return _load_dict(_egov.conversion_sign(
        _json_text(mark), _file_bytes(content, "content"), secret_key,
        None if options is None else _json_text(options)))


def generate_signing_key(label: str) -> Dict[str, Any]:
    """A new Ed25519 signing key for conversion marks from the operating system's random source
    (CONV-02). Keys: ``key`` (``label``, ``key_id``, ``public_key``, ``secret_key``: keep it
    private, e.g. in a file only its owner reads) and ``trust_set`` (give it to verifiers).
    ``key["secret_key"]`` is what :func:`sign_conversion_mark` takes. ``label`` names the holder
    (an agency or system: what a verifier shows as the signer); an empty one raises
    :class:`EgovError` ``key.blank_label``."""
    return _load_dict(_egov.conversion_keygen(label))


def trust_set_from_key(key: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
    """The public trust set of a key (the ``key`` of :func:`generate_signing_key`, or a key file
    written by ``egov keygen``), after checking that its public key and key id belong to its
    secret key (:class:`EgovError` ``key.mismatch``). Keys: ``key_id``, ``public_key``,
    ``trust_set``."""
    return _load_dict(_egov.conversion_trust_set_from_key(_json_text(key)))


def verify_conversion_qr(qr_text: str, trust: Union[str, Mapping[str, Any]],
                         content: Optional[BytesOrPath] = None) -> Dict[str, Any]:
    """Verifies the text of a conversion-mark QR code against a trust set
    (``{"keys": [{"label", "public_key", "not_before", "not_after", "compromised"}]}``; a key
    marked ``compromised`` verifies nothing, ``not_after`` retires a key and keeps the marks
    dated before), comparing ``content`` when given. Keys: ``verified``, ``state``,
    ``failure``, ``content_checked``, ``mark``, …"""
    return _load_dict(_egov.conversion_verify(
        qr_text, _json_text(trust), None if content is None else _file_bytes(content, "content")))


# ---------------------------------------------------------------------------------------------
# Trust lists of conversion-mark keys (egov_conversion::trustlist, issue 14)
# ---------------------------------------------------------------------------------------------

TrustListLike = Union[str, Mapping[str, Any]]
"""A signed trust list (format ``egov-trust-list/1``): its JSON text or the dict of it."""


def _list_text(value: TrustListLike) -> str:
    return _json_text(value)


def _lists_text(lists: Union[TrustListLike, Sequence[TrustListLike]]) -> str:
    if isinstance(lists, str):
        # JSON text: one list (an object) wrapped in an array, anything else as given.
        return "[" + lists + "]" if lists.lstrip().startswith("{") else lists
    if isinstance(lists, Mapping):
        lists = [lists]
    return _json.dumps([_json.loads(x) if isinstance(x, str) else dict(x) for x in lists],
                       ensure_ascii=False, default=_json_value)


def _pins_text(pins: Union[str, Sequence[str]]) -> str:
    if isinstance(pins, str):
        pins = [pins]
    return _json.dumps(list(pins))


def new_trust_list(issuer: str, *, issued_at: DateTimeLike, next_update: DateTimeLike,
                   agency_code: Optional[str] = None) -> Dict[str, Any]:
    """An empty, unsigned trust list of ``issuer`` (the list operator: a ministry, a province),
    sequence 0. Trust lists are plain JSON dicts (times as strings), ready for
    :func:`json.dump`; the format is documented in the Rust crate ``egov_conversion::trustlist``.
    Errors: :class:`ConversionError` ``trust_list.*``, :class:`TimeError`."""
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_new(
        issuer, _time_text(issued_at), _time_text(next_update), agency_code))
    return loaded


def add_trust_list_entry(trust_list: TrustListLike, public_key: str, *, holder: str,
                         valid_from: DateTimeLike, agency_code: Optional[str] = None,
                         role: str = "mark_signer",
                         valid_until: Optional[DateTimeLike] = None,
                         key_id: Optional[str] = None) -> Dict[str, Any]:
    """The list with one more key (``public_key``: 64 hex digits; ``role``: ``"mark_signer"``
    signs conversion marks, ``"list_operator"`` signs trust lists, for chains) held by
    ``holder`` from ``valid_from``. Its signatures are dropped: issue it again
    (:func:`issue_trust_list`). A key already listed is ``trust_list.conflict``; ``key_id``,
    when given, must be the public key's (``trust_list.invalid``)."""
    entry: Dict[str, Any] = {"public_key": public_key, "role": role,
                             "holder": {"name": holder}, "valid_from": _time_text(valid_from)}
    if agency_code is not None:
        entry["holder"]["agency_code"] = agency_code
    if valid_until is not None:
        entry["valid_until"] = _time_text(valid_until)
    if key_id is not None:
        entry["key_id"] = key_id
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_add(
        _list_text(trust_list), _json.dumps(entry, ensure_ascii=False)))
    return loaded


def retire_trust_list_key(trust_list: TrustListLike, key_id: str, *,
                          at: DateTimeLike) -> Dict[str, Any]:
    """The list with key ``key_id`` retired at ``at``: marks it signed up to ``at`` stay
    trusted. Signatures dropped."""
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_retire(
        _list_text(trust_list), key_id, _time_text(at)))
    return loaded


def revoke_trust_list_key(trust_list: TrustListLike, key_id: str, *, at: DateTimeLike,
                          reason: str) -> Dict[str, Any]:
    """The list with key ``key_id`` revoked for compromise at ``at``: no mark it signed is
    trusted, whatever date the mark claims. Signatures dropped."""
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_revoke(
        _list_text(trust_list), key_id, _time_text(at), reason))
    return loaded


def issue_trust_list(trust_list: TrustListLike, secret_key: str, *, issued_at: DateTimeLike,
                     next_update: DateTimeLike) -> Dict[str, Any]:
    """Issues the list as a new version signed with the operator's key (``secret_key``: the
    64-hex seed, e.g. ``generate_signing_key(...)["key"]["secret_key"]``): times set, sequence
    + 1. A list already signed is ``trust_list.conflict``: co-sign it instead."""
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_issue(
        _list_text(trust_list), secret_key, _time_text(issued_at), _time_text(next_update)))
    return loaded


def cosign_trust_list(trust_list: TrustListLike, secret_key: str) -> Dict[str, Any]:
    """The issued list with another operator's signature (content unchanged)."""
    loaded: Dict[str, Any] = _json.loads(_egov.trustlist_cosign(
        _list_text(trust_list), secret_key))
    return loaded


def verify_trust_lists(lists: Union[TrustListLike, Sequence[TrustListLike]],
                       pins: Union[str, Sequence[str]], *, at: DateTimeLike) -> Dict[str, Any]:
    """Verifies trust lists (any order; chains through ``list_operator`` entries) against the
    operator keys you pin (64 hex digits each), at your time ``at``. Keys: ``lists`` (per list:
    ``accepted``, ``vouched_by``, ``voucher``, ``stale``, …), ``keys`` (mark keys vouched for), ``trust``
    (the trust set for :func:`verify_conversion_qr`), ``findings`` (stale, future-dated,
    unaccepted lists). An unaccepted or stale list is a finding, not an error."""
    return _load_dict(_egov.trustlist_verify(_lists_text(lists), _pins_text(pins),
                                             _time_text(at)))


def check_mark(qr_text: str, lists: Union[TrustListLike, Sequence[TrustListLike]],
               pins: Union[str, Sequence[str]], *, at: DateTimeLike,
               content: Optional[BytesOrPath] = None) -> Dict[str, Any]:
    """Checks a conversion mark's QR text (or the lookup URL with the payload in its fragment)
    against the keys the trust lists vouch for. ``status`` is the one state to show:
    ``verified``, ``list_stale``, ``key_unknown`` (the signature cannot be checked),
    ``key_revoked``, ``key_outside_period``, ``content_mismatch`` (when ``content`` is given),
    ``signature_invalid`` or ``malformed``; also ``holder``, ``key_status``, ``verification``,
    ``lists`` and bilingual ``findings``."""
    return _load_dict(_egov.trustlist_check_mark(
        qr_text, _lists_text(lists), _pins_text(pins), _time_text(at),
        None if content is None else _file_bytes(content, "content")))


# ---------------------------------------------------------------------------------------------
# Platform classes (egov-platform-class)
# ---------------------------------------------------------------------------------------------

Monthly = Union[Sequence[Mapping[str, Any]], Mapping[str, Any]]
"""Monthly counts: ``[{"month": "2025-01", "active_users": n}]`` (extra keys such as
``events`` allowed), or the result of any count (:func:`count_active_users_csv`,
:func:`count_active_users_file`, :meth:`ActiveUserCounter.summary`), whose accounting then
comes along as findings of the classification."""


def _classify_request(monthly: Monthly, population: Optional[Union[int, Mapping[str, Any]]],
                      date: DateLike, source: Optional[Mapping[str, Any]],
                      thresholds: Optional[Mapping[str, Any]],
                      intermediary: Optional[str]) -> Dict[str, Any]:
    """The request of :func:`classify_platform`, shared with :func:`platform_report`."""
    request: Dict[str, Any] = {
        "monthly": dict(monthly) if isinstance(monthly, Mapping) else list(monthly),
        "date": _date_text(date)}
    if population is not None:
        request["population"] = population
    if source is not None:
        request["source"] = source
    if thresholds is not None:
        request["thresholds"] = thresholds
    if intermediary is not None:
        request["intermediary"] = intermediary
    return request


def classify_platform(monthly: Monthly, population: Optional[Union[int, Mapping[str, Any]]],
                      date: DateLike, *, source: Optional[Mapping[str, Any]] = None,
                      thresholds: Optional[Mapping[str, Any]] = None,
                      intermediary: Optional[str] = None) -> Dict[str, Any]:
    """Classifies a platform by size (PLAT-02…06, NĐ 137/2024 Đ17–18). ``monthly``: see
    :data:`Monthly`; ``population`` a number, a population object, or None for the built-in
    official figure latest published on ``date`` (stated in ``findings``). Keys: ``scale``,
    ``class``, ``sum``, ``mean_users``, ``distances``, ``population``, ``thresholds``,
    ``defaults``, ``findings`` (what the class rests on: population, threshold version, lines
    not counted), … Too few months raises :class:`EgovError` with code
    ``platform.insufficient_history``."""
    request = _classify_request(monthly, population, date, source, thresholds, intermediary)
    return _load_dict(_egov.platform_classify(_json_text(request)))


def _events_json(events: Sequence[Mapping[str, Any]]) -> str:
    # Datetimes in ``at`` are written by _json_value (a naive one is a TimeError).
    return _json.dumps([dict(e) for e in events], ensure_ascii=False, default=_json_value)


def count_active_users(events: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """Counts distinct monthly active users (PLAT-01, months in Vietnam time). Each event:
    ``user`` (int or str), ``at`` (Unix seconds or a timestamp), ``kind``, ``in_vietnam``.
    Keys: ``months`` and ``stats``."""
    return _load_dict(_egov.platform_count(_events_json(events)))


def _count_options(threads: Optional[int], kinds: Optional[Mapping[str, str]],
                   id_salt: Optional[str] = None) -> Optional[str]:
    options: Dict[str, Any] = {}
    if threads is not None:
        options["threads"] = threads
    if kinds is not None:
        options["kinds"] = dict(kinds)
    if id_salt is not None:
        options["id_salt"] = id_salt
    return _json_text(options) if options else None


def count_active_users_csv(content: BytesOrPath, *, kinds: Optional[Mapping[str, str]] = None,
                           threads: Optional[int] = None,
                           id_salt: Optional[str] = None) -> Dict[str, Any]:
    """Monthly active users (PLAT-01, NĐ 137/2024 Đ17.1–2) from a whole activity CSV text,
    plain, gzip or zstd: one event a line ``user_id,timestamp,kind,in_vietnam``, or any column
    order named by a header. ``kinds`` maps other activity names to a kind of Đ17.1 (``{"view":
    "information_access"}``, your own judgement). Keys: ``months``, ``stats`` (event
    accounting), ``lines`` (every line not counted, by reason, with line numbers and the kinds
    not counted), ``findings``, ``compression``, ``columns``, ``threads``. Input without any
    event raises :class:`EgovError` ``platform.no_events``. The result feeds
    :func:`classify_platform` as ``monthly``. ``id_salt`` (32 hex digits the platform keeps
    secret) keys string ids with SipHash-2-4 instead of XXH3-64."""
    return _load_dict(_egov.platform_count_csv(_file_bytes(content, "content"),
                                               _count_options(threads, kinds, id_salt)))


def count_active_users_file(path: Union[str, "os.PathLike[str]"], *,
                            kinds: Optional[Mapping[str, str]] = None,
                            threads: Optional[int] = None,
                            id_salt: Optional[str] = None) -> Dict[str, Any]:
    """:func:`count_active_users_csv` on a file, read in blocks on ``threads`` threads (default:
    one per core for large files); the GIL is released. An unreadable file raises
    :class:`EgovError` ``io.read``."""
    return _load_dict(_egov.platform_count_file(os.fspath(path),
                                                _count_options(threads, kinds, id_salt)))


ArrowColumns = Mapping[str, Any]
"""Which columns hold what (all optional): ``user`` (default ``user_id``), ``timestamp``
(``timestamp``), ``timestamp_unit`` of an integer timestamp (``seconds``, ``milliseconds``,
``microseconds``; Arrow timestamps carry their own), ``kind`` (``kind``; None: every row is
``default_kind``), ``default_kind`` (``login``), ``in_vietnam`` (``in_vietnam``; None: you
attest every row is in Vietnam)."""


class ArrowCounter:
    """Counts monthly active users (PLAT-01, NĐ 137/2024 Đ17.1) from Apache Arrow data —
    pyarrow record batches and tables, polars, DuckDB results, Spark's ``mapInArrow`` batches:
    anything with ``__arrow_c_array__`` or ``__arrow_c_stream__``, read without copying. Rows
    that cannot be read are counted by reason (``summary()["lines"]``), never dropped; a batch
    without the named columns raises :class:`PlatformError` ``arrow.column``, nothing of it
    counted. ``id_salt`` keys string ids under the platform's secret salt (SipHash-2-4), so
    partials that leave the platform cannot be reversed."""

    def __init__(self, *, columns: Optional[ArrowColumns] = None,
                 kinds: Optional[Mapping[str, str]] = None,
                 id_salt: Optional[str] = None) -> None:
        self._inner = _egov.EventBatchCounter(
            None if columns is None else _json_text(dict(columns)),
            None if kinds is None else _json_text(dict(kinds)), id_salt)

    def add(self, data: Any) -> None:
        """Counts ``data``: one record batch, or a stream of them (a Table, a reader)."""
        if hasattr(data, "__arrow_c_array__"):
            self._inner.add(data)
        elif hasattr(data, "__arrow_c_stream__"):
            self._inner.add_stream(data)
        else:
            for batch in data:
                self._inner.add(batch)

    def summary(self) -> Dict[str, Any]:
        """``{"months", "events", "lines", "id_hash", "collision_bound"}``: feeds
        :func:`classify_platform` as ``monthly``."""
        return _load_dict(self._inner.summary())

    def partial(self, shards: int = 16) -> Dict[str, Any]:
        """The partial count (``egov-partial/1``): the distinct keys of each month by shard and
        the accounting, to merge with partials made elsewhere."""
        return _load_dict(self._inner.partial_json(shards))


def count_active_users_arrow(data: Any, *, columns: Optional[ArrowColumns] = None,
                             kinds: Optional[Mapping[str, str]] = None,
                             id_salt: Optional[str] = None) -> Dict[str, Any]:
    """:class:`ArrowCounter` over ``data`` (a record batch, a table, a reader or an iterable of
    batches); answers its ``summary()``."""
    counter = ArrowCounter(columns=columns, kinds=kinds, id_salt=id_salt)
    counter.add(data)
    return counter.summary()


def engine_sql(dialect: str, *, table: str = "events", user: str = "user_id",
               timestamp: str = "timestamp", time: str = "timestamp",
               kind: Optional[str] = "kind", in_vietnam: Optional[str] = "in_vietnam",
               default_kind: str = "login",
               kinds: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The SQL that applies egov's counting rules (PLAT-01, Đ17.1: kinds, the in-Vietnam flag,
    Vietnam-time months, the valid time range) inside ``dialect`` (``spark``, ``duckdb``,
    ``trino``, ``bigquery``), so the engine counts with its own ``COUNT(DISTINCT)``:
    ``{"monthly": …, "outcomes": …, "combined": …}``. ``time``: what the timestamp column
    holds (``timestamp``, ``seconds``, ``milliseconds``, ``microseconds``). Feed the results
    of ``monthly`` and ``outcomes`` to :func:`summary_from_engine`, or the rows of
    ``combined`` (both in one scan: ``outcome, month, active_users, n``) to
    :func:`summary_from_engine_rows`."""
    query = {"table": table, "user": user, "timestamp": timestamp, "time": time,
             "kind": kind, "in_vietnam": in_vietnam, "default_kind": default_kind,
             "kinds": dict(kinds or {})}
    monthly, outcomes, combined = _egov.platform_engine_sql(dialect, _json_text(query))
    return {"monthly": monthly, "outcomes": outcomes, "combined": combined}


def summary_from_engine_rows(rows: Sequence[Sequence[Any]], *,
                             method: Optional[str] = None) -> Dict[str, Any]:
    """:func:`summary_from_engine` from the rows of :func:`engine_sql`'s ``combined`` query
    (``outcome, month, active_users, n``, as tuples or rows)."""
    months: List[Dict[str, Any]] = []
    outcomes: Dict[str, int] = {}
    for outcome, month, active_users, n in rows:
        outcomes[str(outcome)] = outcomes.get(str(outcome), 0) + int(n)
        if outcome == "counted" and month is not None:
            months.append({"month": str(month), "active_users": int(active_users),
                           "events": int(n)})
    return summary_from_engine(months, outcomes, method=method)


def summary_from_engine(months: Sequence[Mapping[str, Any]], outcomes: Mapping[str, int], *,
                        method: Optional[str] = None) -> Dict[str, Any]:
    """The counting summary of an engine's results for :func:`engine_sql`'s two queries:
    ``months`` rows ``{"month", "active_users", "events"}``, ``outcomes`` ``{outcome: n}``;
    checked (the months' events must add up to the counted rows). ``method`` names how the
    count was made (Đ18.4.c), kept as ``method`` in the result."""
    rows = [{"month": str(m["month"]), "active_users": int(m["active_users"]),
             "events": int(m["events"])} for m in months]
    summary = _load_dict(_egov.platform_engine_summary(
        _json.dumps(rows), _json.dumps({str(k): int(v) for k, v in outcomes.items()})))
    if method is not None:
        summary["method"] = method
    return summary


# --- duties of the law as data (issue 16) ----------------------------------------------

def _checklist_request(id: Optional[str], checklists: Optional[Sequence[str]],
                       **extra: Any) -> str:
    request: Dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if id is not None:
        request["id"] = id
    if checklists:
        request["checklists"] = list(checklists)
    return _json_text(request)


def list_checklists(*, checklists: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """The checklists egov ships, and ``checklists`` (your own, TOML texts): ``{"checklists":
    [{"id", "version", "status", "items", "title_vi", "title_en"}]}``."""
    return _load_dict(_egov.call("checklist.list", _checklist_request(None, checklists)))


def checklist_template(id: str, *, checklists: Optional[Sequence[str]] = None) -> str:
    """An evidence file to fill in for checklist ``id`` (TOML): every duty with its citation,
    the Vietnamese words of the law and the fields its kind of evidence needs."""
    answer = _load_dict(_egov.call("checklist.template", _checklist_request(id, checklists)))
    template: str = answer["template"]
    return template


def run_checklist(id: str, evidence: Union[str, Mapping[str, Any]], *,
                  as_of: Optional[DateLike] = None,
                  checklists: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """Judges checklist ``id`` (with what it includes) on ``evidence`` (TOML or JSON text, or a
    dict ``{"as_of", "items": {item id: {"satisfied", "date", "by", "reference", "url",
    "value", "choice", "done_on", "not_applicable", "note"}}}``), on ``as_of`` (default the
    evidence's own): one finding per duty (rule, citation, outcome, bilingual message, what is
    missing), ``overall``, ``counts`` and ``unused_evidence`` (ids no duty has)."""
    ev: Any = evidence if isinstance(evidence, str) else dict(evidence)
    request = _checklist_request(id, checklists, evidence=ev,
                                 as_of=None if as_of is None else _date_text(as_of))
    return _load_dict(_egov.call("checklist.run", request))


def check_indicators(indicators: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """Checks direction indicators (NĐ 137/2024 Đ10.3–10.5, OTH-39/40): each needs «phương pháp
    tính, đơn vị đo lường; … thuộc tính, phân tổ chủ yếu, kỳ dữ liệu, nguồn dữ liệu và khả năng so
    sánh» and at least one selection criterion of Đ10.5 (``"a"``, ``"b"``, ``"c"``, ``"d"``,
    ``"dd"``). Each indicator: ``{"code", "name", "set", "group", "method", "unit",
    "attributes", "breakdowns", "period", "source", "comparability", "criteria"}``. Returns
    ``{"indicators", "outcome", "findings"}``."""
    request = _json_text({"indicators": [dict(i) for i in indicators]})
    return _load_dict(_egov.call("checklist.indicators", request))



def check_request(request: Union[str, Mapping[str, Any]], as_of: DateTimeLike, *,
                  options: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Judges a citizen request of NĐ 137/2024 Đ7.1 (OTH-12) as it stood at ``as_of`` (a
    timestamp with its offset). ``request`` (JSON text or a dict): ``{"id", "received_at",
    "channel" ("information_channel", "online_public_service",
    "national_public_service_portal", "other"), "history": [{"event": "accepted" | "refused"
    (with "reason") | "resolved" (with "result") | "notified" (with "means": {"by":
    "electronic", "via"} or {"by": "other", "via", "basis": {"kind": "law_provides_otherwise",
    "provision"} | {"kind": "requester_asked"}}), "at"}]}``; the steps must follow the machine
    (received → accepted → resolved → notified, or refused → notified) in time order, else an
    :class:`EgovError` (``request.illegal_transition``, ``request.time_backwards``, …).
    «Trong trường hợp từ chối tiếp nhận, giải quyết phải nêu rõ lý do»: a blank reason fails.
    The result is notified by electronic means, or by another on a stated exception; not yet
    notified is unknown (Đ7.1 sets no time limit). ``options`` ``{"decide_by", "notify_by"}``
    are the caller's own deadlines (missed: a warning, not the law's). Returns ``{"request",
    "state", "outcome", "findings"}``."""
    args: Dict[str, Any] = {"request": request if isinstance(request, str) else dict(request),
                            "as_of": _time_text(as_of)}
    if options is not None:
        args["options"] = dict(options)
    return _load_dict(_egov.call("checklist.request", _json_text(args)))

class ActiveUserCounter:
    """A monthly-active-user counter: ``add_batch`` events, ``merge`` counters, read ``months``."""

    def __init__(self) -> None:
        self._inner = _egov.ActiveUserCounter()

    def add_batch(self, events: Sequence[Mapping[str, Any]]) -> None:
        """Adds events (as :func:`count_active_users`); all or nothing."""
        self._inner.add_batch(_events_json(events))

    def feed_csv(self, block: bytes) -> None:
        """Feeds a block of activity CSV, one event a line ``user_id,timestamp,kind,in_vietnam``
        (header optional). Blocks may split lines anywhere; call :meth:`finish_csv` at the end.
        Malformed lines are counted, not raised."""
        if not isinstance(block, (bytes, bytearray, memoryview)):
            raise TypeError(f"block: expected bytes, got {type(block).__name__}")
        self._inner.feed_csv(bytes(block))

    def finish_csv(self) -> Dict[str, Any]:
        """Ends the CSV stream and returns its line accounting: ``lines``, ``header_lines``,
        ``blank_lines``, ``events``, ``malformed``, ``malformed_by_reason``, ``examples`` (byte
        ``offset``, ``reason``, ``text``)."""
        return _load_dict(self._inner.finish_csv())

    def merge(self, other: "ActiveUserCounter") -> None:
        """Adds ``other``'s users (``other`` is unchanged)."""
        self._inner.merge(other._inner)

    def months(self) -> List[Dict[str, Any]]:
        """``[{"month": "2025-02", "active_users": n, "events": n}]``, oldest first (accepted
        as ``monthly`` by :func:`classify_platform`)."""
        months: List[Dict[str, Any]] = _load_dict(self._inner.months())["months"]
        return months

    def summary(self) -> Dict[str, Any]:
        """``{"months", "stats"}``: the months and the event accounting, which
        :func:`classify_platform` takes as ``monthly`` (the accounting becomes findings)."""
        return _load_dict(self._inner.months())


def _schedule_members(operating_since: Optional[DateLike],
                      first_self_classification: Optional[DateLike],
                      decree_effective: Optional[DateLike],
                      inclusive_annual_deadline: Optional[bool],
                      roll_to_working_day: Optional[bool]) -> Dict[str, Any]:
    """``history`` and ``schedule`` request members with the given fields only (the library
    keeps its documented defaults for the others)."""
    history: Dict[str, Any] = {}
    if operating_since is not None:
        history["operating_since"] = _date_text(operating_since)
    if first_self_classification is not None:
        history["first_self_classification"] = _date_text(first_self_classification)
    schedule: Dict[str, Any] = {}
    if decree_effective is not None:
        schedule["decree_effective"] = _date_text(decree_effective)
    if inclusive_annual_deadline is not None:
        schedule["inclusive_annual_deadline"] = inclusive_annual_deadline
    if roll_to_working_day is not None:
        schedule["roll_to_working_day"] = roll_to_working_day
    return {"history": history, "schedule": schedule}


def _next_due_out(next_due: Dict[str, Any]) -> Dict[str, Any]:
    if isinstance(next_due.get("due_on"), str):
        next_due["due_on"] = _date(next_due["due_on"])
    return next_due


def platform_next_due(today: DateLike, *, operating_since: Optional[DateLike] = None,
                      first_self_classification: Optional[DateLike] = None,
                      decree_effective: Optional[DateLike] = None,
                      inclusive_annual_deadline: Optional[bool] = None,
                      roll_to_working_day: Optional[bool] = None,
                      calendar: Optional[Calendar] = None) -> Dict[str, Any]:
    """The next self-classification due on ``today`` (PLAT-09, PLAT-10, PLAT-13; NĐ 137/2024
    Đ18.2, Đ19.3). A platform operating since 12 months or more before the decree took effect
    (``decree_effective``, default 2024-10-23, §7 A-17) self-classifies first by 2025-10-23
    (rolled to the next working day of ``calendar`` when ``roll_to_working_day``, the default);
    after ``first_self_classification`` it does so yearly «trước 31 tháng 01»: 30 January by
    default, 31 January with ``inclusive_annual_deadline`` (§7 A-16, no weekend roll-over).
    Keys: ``kind`` (``first``, ``annual``, ``not_determined``), ``due_on`` (date or None),
    ``overdue``, ``rule``, ``basis``, ``note``, ``note_vi``."""
    request: Dict[str, Any] = {"today": _date_text(today)}
    request.update(_schedule_members(operating_since, first_self_classification, decree_effective,
                                     inclusive_annual_deadline, roll_to_working_day))
    if calendar is not None:
        request["calendar"] = calendar.to_json()
    return _next_due_out(_load_dict(_egov.platform_next_due(_json_text(request))))


def platform_report(monthly: Monthly, population: Optional[Union[int, Mapping[str, Any]]],
                    date: DateLike, *, source: Optional[Mapping[str, Any]] = None,
                    thresholds: Optional[Mapping[str, Any]] = None,
                    intermediary: Optional[str] = None,
                    evidence: Optional[Mapping[str, Any]] = None,
                    operating_since: Optional[DateLike] = None,
                    first_self_classification: Optional[DateLike] = None,
                    decree_effective: Optional[DateLike] = None,
                    inclusive_annual_deadline: Optional[bool] = None,
                    roll_to_working_day: Optional[bool] = None,
                    calendar: Optional[Calendar] = None,
                    markdown: bool = False) -> Dict[str, Any]:
    """The self-classification report (PLAT-02…27, NĐ 137/2024 Đ17–20): the classification of
    :func:`classify_platform` on ``date``, the Đ19/Đ20 obligations of an intermediary platform of
    large or very large scale judged against ``evidence`` (``{"items": {"<id>": {"satisfied":
    bool, "reference"?, "note"?}}, "has_prioritised_search"?: bool}``; no evidence is
    ``unknown``, never ``pass``) and the next due date as :func:`platform_next_due` on ``date``.
    Keys: ``determination_date`` (date), ``method``, ``method_vi``, ``classification``,
    ``obligations`` (findings, ``field`` = item id; a warning for evidence under an unknown id), ``obligations_overall``, ``next_due``,
    ``citations``, and ``markdown`` (bilingual Markdown text) when ``markdown`` is true."""
    request = _classify_request(monthly, population, date, source, thresholds, intermediary)
    context = _schedule_members(operating_since, first_self_classification, decree_effective,
                                inclusive_annual_deadline, roll_to_working_day)
    if evidence is not None:
        context["evidence"] = dict(evidence)
    request["context"] = context
    request["markdown"] = markdown
    if calendar is not None:
        request["calendar"] = calendar.to_json()
    report = _load_dict(_egov.platform_report(_json_text(request)))
    report["determination_date"] = _date(report["determination_date"])
    _next_due_out(report["next_due"])
    return report


# ---------------------------------------------------------------------------------------------
# Trust (egov-trust)
# ---------------------------------------------------------------------------------------------

def check_security_txt(content: BytesOrPath, now: DateTimeLike,
                       fetched_from: Optional[str] = None) -> Dict[str, Any]:
    """Parses and checks a security.txt file (TRUST-02.e, RFC 9116) at ``now``. Keys: ``valid``,
    ``problems`` (each ``code``, ``severity``, ``line``, ``message``, ``message_vi``),
    ``contacts``,
    ``expires``, …"""
    return _load_dict(_egov.trust_security_txt(_file_bytes(content, "content"), _time_text(now), fetched_from))


def match_blocklist(list_text: str, host: str) -> Dict[str, Any]:
    """Whether ``host`` (or a parent domain; an IP literal as an address) is on an advisory
    do-not-access list, one entry a line (TRUST-02.d). Keys: ``listed``, ``hit``,
    ``rejected_lines``."""
    return _load_dict(_egov.trust_blocklist_match(list_text, host))


TrustRequest = Union[str, Mapping[str, Any]]
"""A request of the network-trust checks (``egov trust …`` templates): its JSON text or dict."""


def evaluate_site(request: TrustRequest) -> Dict[str, Any]:
    """Evaluates the six network-trust criteria of NĐ 137/2024 Đ21.2 and the overall verdict
    (TRUST-02, TRUST-03) from one request: a dict (or JSON text) with ``now`` (required,
    timezone-aware), and any of ``system``, ``host``, ``addresses``, ``security_level``,
    ``consent``, ``malware_scan``, ``contacts``, ``gov_names``, ``tls`` (``chain`` PEM,
    ``version``, ``cipher_suite``), ``page`` (``url``, ``html``), ``security_txt``
    (``content``, ``fetched_from``), ``blocklist`` (``source``, ``fetched_at``, ``entries``),
    ``anchors`` (``roots`` PEM, ``with_builtin``), ``policy``, ``max_attestation_age``
    (``security_level_days``, ``malware_scan_days``: override the policy's limits).
    ``datetime``/``date`` values and UTF-8 ``bytes`` are accepted in the dict. Keys of the
    result: ``evaluated_at``, ``verdicts`` (``criterion``, ``outcome``, ``findings``),
    ``outcome``, ``meets_criteria``. Missing evidence is ``unknown``, never ``pass``; so is an
    attestation dated after ``now`` or older than its limit (defaults: the security-level
    approval 1826 days, the malware scan 30 days; the law sets no age). A ``security_txt`` is
    judged for the host it was ``fetched_from`` (else ``host``): another site's file fails e)."""
    return _load_dict(_egov.trust_evaluate(_json_text(request)))


def evaluate_trust_criterion(request: TrustRequest, criterion: str) -> Dict[str, Any]:
    """One criterion of Đ21.2 from the same request as :func:`evaluate_site`: ``criterion`` is
    ``"a"``, ``"b"``, ``"c"`` (the TLS check), ``"d"``, ``"đ"`` (or ``"dd"``) or ``"e"``.
    Keys: ``criterion``, ``outcome``, ``findings``."""
    return _load_dict(_egov.trust_criterion(_json_text(request), criterion))


def scan_links(request: TrustRequest) -> Dict[str, Any]:
    """The links of the request's ``page`` resolved against its URL (TRUST-02.đ), the flagged
    ones (``blocklisted``, ``ip_literal``, ``javascript_url``, ``data_url``, ``mixed_content``,
    ``look_alike``) and the verdict. Keys: ``links``, ``flagged``, ``verdict``; a request
    without a page raises :class:`TrustError` (``trust.page_missing``)."""
    return _load_dict(_egov.trust_links(_json_text(request)))


def declare_trust(request: TrustRequest, lang: str = "vi") -> Dict[str, Any]:
    """The self-declaration of NĐ 137/2024 Đ21.3 (TRUST-04) for the request's evaluation: keys
    ``declaration`` (``format``, ``system``, ``evaluated_at``, ``policy``, ``anchors``,
    ``criteria``, ``outcome``, ``meets_criteria``, …) and ``markdown`` (``lang`` ``"vi"`` or
    ``"en"``). A self-assessment, not a certificate."""
    return _load_dict(_egov.trust_declare(_json_text(request), lang))


_CORNERS = ("top_right", "top_left", "bottom_right", "bottom_left")


def _image_options(dpi: Optional[int], position: Optional[str], lookup_url: Optional[str],
                   options: Optional[Mapping[str, Any]], page: bool = False) -> Optional[str]:
    """The ``options`` JSON of stamping and rendering, with the keyword shortcuts merged in (a
    shortcut wins over the same member of ``options``). For a ``page``, no resolution given
    means the one the image states (``stamp.dpi_from_image``), else 300."""
    merged: Dict[str, Any] = _json.loads(_json_text(options)) if options is not None else {}
    if position is not None and position not in _CORNERS:
        raise InvalidArgumentError(
            "ffi.invalid_arguments",
            f"position must be one of {', '.join(_CORNERS)} (other placements: options)",
            f"đối số 'position' phải là một trong {', '.join(_CORNERS)} (vị trí khác: options)")
    stamp: Dict[str, Any] = merged.get("stamp") or {}
    if dpi is not None:
        stamp["render"] = dict(stamp.get("render") or {}, dpi=dpi)
    elif page and "dpi" not in (stamp.get("render") or {}) and "dpi_from_image" not in stamp:
        stamp["dpi_from_image"] = True
    if position is not None:
        stamp["position"] = {"at": position}
    if stamp:
        merged["stamp"] = stamp
    if lookup_url is not None:
        merged["payload"] = dict(merged.get("payload") or {}, lookup_url=lookup_url)
    return _json.dumps(merged, ensure_ascii=False) if merged else None


def stamp_page(page: BytesOrPath, mark: Union[str, Mapping[str, Any]], secret_key: str, *,
               content: Optional[BytesOrPath] = None,
               dpi: Optional[int] = None,
               position: Optional[str] = None,
               lookup_url: Optional[str] = None,
               options: Optional[Mapping[str, Any]] = None) -> Tuple[bytes, Dict[str, Any]]:
    """Signs ``mark`` (over ``content``, by default the page itself) and stamps its QR and text
    block onto a page image (PNG or JPEG; CONV-03 / CONV-12). ``dpi`` is the page's resolution
    (default: the one the image states, as scanners write it, 150–1200 dpi; else 300),
    ``position`` ``"top_right"`` (default), ``"top_left"``, ``"bottom_right"`` or
    ``"bottom_left"``, ``lookup_url`` a page the QR opens on a phone (signed too); ``options``
    the full form (``payload``, ``stamp``). Returns the stamped image bytes (same format) and a
    dict: ``format``, ``rect`` ([x, y, width, height] in pixels), ``covered_dark_fraction``,
    ``printed``, ``dpi`` (the resolution the block was sized for), ``dpi_from_image``,
    ``findings``, ``qr_text``, ``key_id``."""
    image, meta = _egov.conversion_stamp_page(
        _file_bytes(page, "page"), _json_text(mark), secret_key, None if content is None else _file_bytes(content, "content"),
        _image_options(dpi, position, lookup_url, options, page=True))
    return image, _load_dict(meta)


def render_conversion_mark(mark: Union[str, Mapping[str, Any]], content: BytesOrPath,
                           secret_key: str,
                           *, dpi: Optional[int] = None, lookup_url: Optional[str] = None,
                           options: Optional[Mapping[str, Any]] = None
                           ) -> Tuple[bytes, Dict[str, Any]]:
    """Signs ``mark`` over ``content`` and renders the mark block alone (QR code and text) as a
    greyscale PNG to place on a page or into a PDF yourself. Returns the PNG bytes and a dict:
    ``width``, ``height``, ``dpi``, ``qr_text``, ``qr_version``, ``key_id``."""
    png, meta = _egov.conversion_render_mark(
        _json_text(mark), _file_bytes(content, "content"), secret_key,
        _image_options(dpi, None, lookup_url, options))
    return png, _load_dict(meta)


def verify_page(image: BytesOrPath, trust: Union[str, Mapping[str, Any]],
                content: Optional[BytesOrPath] = None) -> Dict[str, Any]:
    """Finds every conversion mark's QR code on a page image (PNG, JPEG, or a TIFF's first
    page; scans, photocopies and phone photos, in any orientation) and verifies each. Keys:
    ``verdict`` (``verified``, ``not_verified``, ``conflicting_marks``), ``verified``,
    ``marks`` (each with its ``verification`` and ``printed_lines``), the best mark's
    ``qr_text``, ``verification`` and ``printed_lines`` (the signed lines as printed: compare
    them with the paper, the signature covers the QR payload only), ``qr_codes_found``,
    ``findings``, ``decoder``. A page without a mark raises :class:`EgovError`
    (``scan.no_mark``)."""
    return _load_dict(_egov.conversion_verify_page(
        _file_bytes(image, "image"), _json_text(trust), None if content is None else _file_bytes(content, "content")))


def verify_document(images: Sequence[BytesOrPath], trust: Union[str, Mapping[str, Any]],
                    content: Optional[BytesOrPath] = None) -> Dict[str, Any]:
    """Verifies every page of a document (page images in order; a multi-page TIFF gives all
    its pages) and says which page carries the mark. Keys: ``verdict``, ``verified``,
    ``mark_page`` (from 1), ``pages_with_marks``, ``pages_scanned``, ``best`` (that page's
    :func:`verify_page` result), ``findings``, ``pages`` (each with its ``result`` or its
    ``error_code``, e.g. ``scan.no_mark``, with ``error`` and ``error_vi``, its message in
    English and Vietnamese: a page is never dropped)."""
    return _load_dict(_egov.conversion_verify_document(
        [_file_bytes(i, "images[]") for i in images], _json_text(trust),
        None if content is None else _file_bytes(content, "content")))


# ---------------------------------------------------------------------------------------------
# edXML packages (egov-edxml)
# ---------------------------------------------------------------------------------------------

Pem = Union[bytes, str]
"""PEM text, as ``bytes`` or ``str``."""


def _pem(value: Pem) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"expected PEM bytes or str, got {type(value).__name__}")


def _options(**members: Any) -> Optional[str]:
    """The ``options`` JSON of an edXML call with the members given (None: left out)."""
    given = {k: v for k, v in members.items() if v is not None}
    return _json_text(given) if given else None


def read_edxml(data: Union[bytes, "os.PathLike[str]"], *, with_attachments: bool = False,
               unwrap: Optional[str] = None,
               limits: Optional[Mapping[str, int]] = None) -> Dict[str, Any]:
    """Reads an edXML package or status message of the national document axis (QCVN
    102:2016 as real files show it; names by namespace URI, children in any order). ``data`` is
    the file's bytes, untrusted: a DOCTYPE is refused (``edxml.doctype``), so is malformed XML
    (``edxml.malformed``, the message gives the line and column), a broken limit
    (``edxml.limit``; ``limits`` overrides ``max_depth``, ``max_elements``, ``max_attributes``,
    ``max_markup_bytes``, ``max_text_bytes``, ``max_attachments``, ``max_input_bytes``) and XML
    that is not edXML (``edxml.not_edxml``), each an :class:`EdxmlError`.

    Keys: ``message`` (``kind`` ``"edoc"`` or ``"status"`` and the values as written:
    ``header``, ``trace``, ``signature``, ``manifest``, ``attachments`` each with the
    ``payload`` its content turned out to be; or ``status_code``, ``from``, ``response_for``,
    …), ``layout``, ``deviations`` (departures from the VNPT builder's layout, each with
    ``code``, ``at`` ``{"offset", "line", "column"}``, ``path``, ``message``, ``message_vi``),
    ``bytes``, ``sha256`` (of the file as sent), ``line_breaks`` ([CRLF, LF]). Values are the
    package's strings, never converted, so ``message`` builds back with :func:`build_edxml`.
    With ``with_attachments`` also ``contents``: each attachment's content as ``bytes``, in the
    order of ``message["attachments"]``, after the VNPT ZIP wrapper (``unwrap="never"``: as
    carried).

    ``data`` may also be a path (:class:`os.PathLike`): the file is then read as a stream,
    never held in memory (whatever its size); its attachments' contents are then taken out with
    :func:`extract_edxml`, not ``with_attachments``."""
    options = _options(unwrap=unwrap, limits=None if limits is None else dict(limits))
    if isinstance(data, os.PathLike):
        if with_attachments:
            raise ValueError("with_attachments reads bytes in memory; for a package file use "
                             "extract_edxml(path, out_dir), which streams each attachment to a file")
        loaded: Dict[str, Any] = _json.loads(_egov.edxml_read_file(os.fsdecode(data), options))
        return loaded
    if with_attachments:
        text, contents = _egov.edxml_read_with_attachments(_file_bytes(data, "data"), options)
        package: Dict[str, Any] = _json.loads(text)
        package["contents"] = list(contents)
        return package
    result: Dict[str, Any] = _json.loads(_egov.edxml_read(_file_bytes(data, "data"), options))
    return result


def check_edxml(data: BytesOrPath, *, anchors_pem: Optional[Pem] = None,
                registry: Optional[Union[str, Mapping[str, Any]]] = None,
                calendar: Optional[Calendar] = None,
                agency_profile: Optional[str] = None,
                layout_findings: Optional[bool] = None,
                deadline_policy: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """The receiving check of QĐ 28/2018/QĐ-TTg Đ9.1 (DOC-28) of a package, in one report:
    layout (DOC-05), agency codes (DOC-01…03) and, with ``registry`` (CSV text, JSON text or a
    dict), their status on the document date (DOC-04), document id (DOC-08), metadata a)–q)
    (DOC-10), urgency (DOC-12), send deadline on ``calendar`` (default the built-in one;
    DOC-19/21, ``deadline_policy`` ``{"morning_end", "urgent_tolerance_seconds"}``), business
    type (DOC-27), attachments (DOC-09, DOC-28: a PDF decoded as text and re-encoded fails), the
    XMLDSig signature verified (DOC-14, DOC-18) against ``anchors_pem`` (PEM roots; without
    them the chain is ``unknown``, never ``pass``), status direction and reasons (DOC-11, 29,
    30). ``agency_profile`` ``"lenient"`` (default) or ``"strict"``; ``layout_findings=False``
    leaves layout departures out. Keys: ``overall``, ``compliant``, ``findings`` (each with
    ``rule``, ``basis``, ``outcome``, ``message``, ``message_vi``, ``field``, ``evidence``),
    ``kind``, ``sha256``, ``bytes``. Only an unreadable package raises (as :func:`read_edxml`);
    anchors that are not PEM certificates raise :class:`InvalidArgumentError`
    (``ffi.invalid_anchors``)."""
    options = _options(
        anchors_pem=None if anchors_pem is None else _pem(anchors_pem).decode("utf-8"),
        registry=registry if registry is None or isinstance(registry, str) else dict(registry),
        agency_profile=agency_profile, layout_findings=layout_findings,
        deadline_policy=None if deadline_policy is None else dict(deadline_policy))
    return _load_dict(_egov.edxml_check(_file_bytes(data, "data"), options,
                                        None if calendar is None else calendar._native))


def build_edxml(message: Union[str, Mapping[str, Any]], attachments: Sequence[BytesOrPath] = (),
                *,
                line_ending: str = "crlf") -> bytes:
    """Builds a package in the VNPT builder's layout (DOC-05) from ``message`` (a dict or JSON
    text: ``{"kind": "edoc", "header", "trace", "signature", "manifest", "attachments"}`` or
    ``{"kind": "status", "from", "response_for", "staff_info", "status_code", "description",
    "timestamp"}``, the ``message`` of :func:`read_edxml`) and one content per entry of its
    ``attachments`` (zipped as the VNPT JAR does; their ``payload`` is ignored). ``line_ending``
    ``"crlf"`` (the builder's) or ``"lf"``; each content is bytes or a path to read (for files
    of any size, :func:`build_edxml_file` streams them). Returns the package's bytes, the same
    for the same input. A count of contents that differs from the attachments described raises
    :class:`EdxmlError` (``edxml.build.attachment_count``), a control character
    ``edxml.build.invalid_char``; a misspelt field :class:`InvalidArgumentError`. The dates
    and times are written as given: for a message made from your own data, pass it through
    :func:`edxml_qcvn_dates` first."""
    if isinstance(attachments, (bytes, bytearray, memoryview)):
        raise TypeError("attachments is a sequence of bytes, one per attachment")
    return _egov.edxml_build(_json_text(message), [_file_bytes(a, "attachments[]") for a in attachments],
                             _options(line_ending=line_ending))


def edxml_qcvn_dates(message: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
    """``message`` (as for :func:`build_edxml`) with every date and time in edXML's form
    (``yyyy/MM/dd``, ``yyyy/MM/dd HH:mm:ss`` Vietnam time; DOC-10 d, n, o): for a message made
    from what a person or another system wrote (``"04/12/2026"``, ``"ngày 4 tháng 12 năm
    2026"``, ``"9h ngày 04/12/2026"``, an ISO instant with any offset, converted). Keys:
    ``message`` (build it with :func:`build_edxml`), ``dates_rewritten`` (``element``,
    ``given``, ``written`` of each value changed, in document order). A value that is not a
    date raises :class:`EdxmlError` (``edxml.build.date``) naming its element. A message read
    from a package needs none of this: it builds back as it was read."""
    return _load_dict(_egov.call("edxml.qcvn_dates", '{"message": ' + _json_text(message) + "}"))


class Signer(Protocol):
    """A signer whose private-key operation is yours (DOC-18, QĐ 28/2018 Đ6.1): a USB token
    through its vendor's library or python-pkcs11, an HSM's SDK, a remote signing service. egov
    builds, canonicalises and hashes; ``sign`` gets the bytes to sign (not their digest: hash
    them with the algorithm's hash) and returns the signature, PKCS#1 v1.5 for RSA; for ECDSA
    raw ``r‖s`` or DER (what ``cryptography`` and most tokens return). An exception ``sign`` raises comes out of the signing call
    unchanged. Pass it as ``signer=`` to :func:`sign_edxml` and :func:`sign_pdf`."""

    #: ``"rsa_sha256"``, ``"rsa_sha384"``, ``"rsa_sha512"``, ``"ecdsa_p256_sha256"``,
    #: ``"ecdsa_p384_sha384"`` (``"rsa_sha1"``: edXML only with ``legacy_sha1=True``).
    algorithm: str
    #: The certificate chain, PEM, signer first.
    certificates_pem: Union[bytes, str]

    def sign(self, data: bytes) -> bytes:
        """The signature of ``data``."""
        ...


def _signer_parts(signer: Signer) -> Tuple[str, bytes]:
    return str(signer.algorithm), _pem(signer.certificates_pem)


def _one_key_source(key_given: bool, signer: Optional[Signer]) -> None:
    if signer is not None and key_given:
        raise InvalidArgumentError(
            "ffi.invalid_arguments", "give a key or signer, not both",
            "chỉ đưa khóa hoặc signer, không đưa cả hai")


def sign_edxml(data: BytesOrPath, key_pem: Optional[Pem] = None, certs_pem: Optional[Pem] = None, *,
               signer: Optional[Signer] = None, c14n: Optional[str] = None,
               digest: Optional[str] = None, legacy_sha1: bool = False) -> bytes:
    """Signs a package with an enveloped XMLDSig signature (DOC-18, QĐ 28/2018 Đ6.1; DOC-14: a
    digitally signed e-document sent through the system has the legal value of paper), placed
    last in ``edXMLHeader``: RSA-SHA256 for an RSA key, ECDSA P-256-SHA256 for a P-256 key.
    ``key_pem`` is the PKCS#8 private key (PEM ``PRIVATE KEY``, or DER bytes), ``certs_pem`` the
    certificate chain, signer first. ``c14n`` a canonicalisation URI (default exclusive C14N
    1.0), ``digest`` ``"sha256"`` (default), ``"sha384"``, ``"sha512"`` or ``"sha1"`` (legacy and
    weak: only with ``legacy_sha1=True``, else :class:`EdxmlError` ``dsig.sign.legacy_sha1``).
    Instead of a key, ``signer`` (a :class:`Signer`: a token, an HSM, a remote signing
    service) makes the private-key operation. Returns the signed package's bytes. An unusable
    key or chain raises :class:`EdxmlError` (``dsig.sign.key``), so does a package already
    signed (``dsig.sign.already_signed``)."""
    options = _options(c14n=c14n, digest=digest, legacy_sha1=True if legacy_sha1 else None)
    _one_key_source(key_pem is not None or certs_pem is not None, signer)
    if signer is not None:
        algorithm, chain = _signer_parts(signer)
        return _egov.edxml_sign_with(_file_bytes(data, "data"), algorithm, chain, signer.sign, options)
    if key_pem is None or certs_pem is None:
        raise InvalidArgumentError(
            "ffi.invalid_arguments", "give key_pem with certs_pem, or signer",
            "hãy đưa key_pem cùng certs_pem, hoặc signer")
    return _egov.edxml_sign(_file_bytes(data, "data"), _pem(key_pem), _pem(certs_pem), options)


def verify_edxml(data: BytesOrPath, *, anchors_pem: Optional[Pem] = None,
                 at: Optional[DateTimeLike] = None) -> Dict[str, Any]:
    """Verifies a package's XMLDSig signature (DOC-18): the document's digest, the signature
    value and, with ``anchors_pem`` (PEM root certificates; without them the chain is not
    checked and trust is not claimed), the chain at ``at`` (default: the signing time the
    package's first trace header states). Keys: ``valid``, ``failure_code``
    (``"dsig.digest_mismatch"``: changed after signing, ``"dsig.signature_invalid"``,
    ``"dsig.untrusted"``, ``"dsig.expired"``, ``"dsig.no_signature"``, ``"dsig.placeholder"``,
    … or None), ``failure`` (its details), ``signature_algorithm``, ``digest_algorithm``,
    ``canonicalization``, ``signer`` (``subject``, ``issuer``, ``serial``, ``not_before``,
    ``not_after``), ``chain``, ``checked_at``, ``warnings``, ``findings``. A signature that does
    not verify is a result (``valid`` False), not an error."""
    return _load_dict(_egov.edxml_verify(
        _file_bytes(data, "data"), None if anchors_pem is None else _pem(anchors_pem),
        _options(at=None if at is None else _time_text(at))))


def extract_edxml(path: "os.PathLike[str] | str", out_dir: "os.PathLike[str] | str", *,
                  unwrap: Optional[str] = None) -> Dict[str, Any]:
    """Writes each attachment of the package file ``path`` to its own new file in ``out_dir``
    (created if missing; DOC-09, DOC-28), streamed whatever the sizes. File names are made safe
    from the package's ``AttachmentName`` (an untrusted value: never a path, never over an
    existing file, ``name (2).pdf`` when taken); contents come out of the VNPT ZIP wrapper
    unless ``unwrap="never"``. Keys: ``kind``, ``bytes``, ``sha256``, ``out_dir``,
    ``attachments`` (each with ``file_name``, ``path``, ``renamed``, ``written_bytes``,
    ``content_kind``, ``content_sha256``, ``status`` ``"whole"`` / ``"warning"`` /
    ``"damaged"``, ``problems`` with ``severity``, ``code``, ``message``, ``message_vi``),
    ``without_content``, ``counts``, ``complete``. A damaged attachment is a result
    (``complete`` False); an unreadable package raises :class:`EdxmlError`, a file that cannot
    be opened or written :class:`EgovError` (``io.open``, ``io.write``)."""
    return _load_dict(_egov.edxml_extract(os.fsdecode(path), os.fsdecode(out_dir),
                                          _options(unwrap=unwrap)))


def build_edxml_file(message: Union[str, Mapping[str, Any]],
                     attachment_paths: Sequence["os.PathLike[str] | str"],
                     out: "os.PathLike[str] | str", *, line_ending: str = "crlf") -> Dict[str, Any]:
    """:func:`build_edxml` with each attachment's content read from a file (one per entry of
    ``message["attachments"]``, streamed: a file of any size never sits in memory) and the
    package written to the file ``out`` (through a temporary file renamed when complete, so
    never half-written; an existing file is replaced). Keys: ``path``, ``kind``, ``bytes``,
    ``sha256`` (of the package as written: the axis hashes the file), ``attachments`` (``bytes``,
    ``sha256`` of each content)."""
    if isinstance(attachment_paths, (str, bytes, os.PathLike)):
        raise TypeError("attachment_paths is a sequence of paths, one per attachment")
    return _load_dict(_egov.edxml_build_file(
        _json_text(message), [os.fsdecode(p) for p in attachment_paths], os.fsdecode(out),
        _options(line_ending=line_ending)))


# ---------------------------------------------------------------------------------------------
# PDF files (egov-conversion's pdf feature, egov-sign): conversion marks and PAdES signatures
# ---------------------------------------------------------------------------------------------

def stamp_pdf(data: PdfInput, mark: Union[str, Mapping[str, Any]], secret_key: str, *,
              page: Optional[int] = None,
              placement: Optional[Mapping[str, Any]] = None,
              mode: Optional[str] = None,
              lookup_url: Optional[str] = None,
              options: Optional[Mapping[str, Any]] = None) -> Tuple[bytes, Dict[str, Any]]:
    """Stamps a conversion mark on a page of a PDF (NĐ 137/2024 Đ4 paper → data, Đ5 data →
    paper; CONV-03, CONV-11, CONV-12) as an incremental update: the original bytes stay the
    prefix of the output, so a signature over them still covers what it covered. ``mark`` (a
    dict or JSON text, as :func:`sign_conversion_mark` takes it) is signed with the Ed25519
    ``secret_key`` (64 hex digits) over the SHA-256 and length of the PDF; its QR code and text
    block are drawn as vector content and the payload is also written to the document's XMP.
    ``data`` is the PDF's bytes or a path. ``page`` (default 1); ``placement`` ``{"at":
    "auto", "margin_mm": 10}`` (default: the first blank corner), ``{"at": "corner", "corner":
    "top_right" | "top_left" | "bottom_right" | "bottom_left", "margin_mm"}`` or ``{"at":
    "at", "x_mm", "y_mm"}``; ``mode`` ``"content"`` (default: always prints) or
    ``"annotation"``; ``lookup_url`` a page the QR opens on a phone (signed too); ``options``
    the full form (``{"payload": {…}, "stamp": {"page", "placement", "render", "mode",
    "limits"}}``). Returns the stamped PDF's bytes and a dict: ``page``, ``placement``,
    ``rect_pt``, ``corner``, ``mode``, ``original_len``, ``original_sha256``, ``output_len``,
    ``output_sha256``, ``qr_text``, ``qr_version``, ``key_id``, ``block`` (``printed_lines``,
    sizes), ``mark`` (as signed, with its ``pdf.len`` extension), ``findings`` (what the change
    means for the document's signatures). An encrypted PDF raises :class:`PdfError`
    (``pdf.encrypted``), so do ``pdf.not_pdf``, ``pdf.parse``, ``pdf.no_blank_area``, ``pdf.no_such_page``,
    ``pdf.locked``, ``pdf.payload`` (the mark is not valid)."""
    # The full form, with the keyword shortcuts merged in (a shortcut wins over its member).
    merged: Dict[str, Any] = _json.loads(_json_text(options)) if options is not None else {}
    stamp: Dict[str, Any] = dict(merged.get("stamp") or {})
    if page is not None:
        stamp["page"] = page
    if mode is not None:
        stamp["mode"] = mode
    if placement is not None:
        stamp["placement"] = dict(placement)
    if stamp:
        merged["stamp"] = stamp
    if lookup_url is not None:
        merged["payload"] = dict(merged.get("payload") or {}, lookup_url=lookup_url)
    pdf, meta = _egov.pdf_stamp(_file_bytes(data, "data"), _json_text(mark), secret_key,
                                _json_text(merged) if merged else None)
    return pdf, _load_dict(meta)


def verify_pdf(data: PdfInput, trust: Union[str, Mapping[str, Any]], *,
               render: Optional[bool] = None, dpi: Optional[int] = None,
               limits: Optional[Mapping[str, int]] = None) -> Dict[str, Any]:
    """Verifies a PDF stamped by :func:`stamp_pdf` against ``trust`` (``{"keys": [...]}``):
    the payload in the XMP through the trust ladder with the original revision as content, the
    revisions appended after it (each must chain back), the QR code printed on the page
    (rendered at ``dpi``, default 150, and decoded; ``render=False`` skips it) and the
    document's signatures (integrity only; :func:`verify_pdf_signatures` checks them against
    trust anchors). ``data`` is the PDF's bytes or a path. Keys: ``verified``,
    ``xmp_payload``, ``original_len``, ``original_sha256``, ``verification`` (``state``,
    ``signer``, ``mark``, …), ``revisions_after``, ``printed`` (``marks_found``,
    ``matches_xmp``, ``note``), ``signatures``, ``findings``. A mark that does not verify is a
    result (``verified`` False), not an error; an unreadable or encrypted PDF raises
    :class:`PdfError`."""
    options = _options(render=render, dpi=dpi, limits=None if limits is None else dict(limits))
    return _load_dict(_egov.pdf_verify(_file_bytes(data, "data"), _json_text(trust), options))


def sign_pdf(data: PdfInput, key_pem: Optional[Pem] = None, certs_pem: Optional[Pem] = None, *,
             pkcs12: Optional[Union[bytes, "os.PathLike[str]"]] = None,
             password: Optional[str] = None,
             signer: Optional[Signer] = None,
             field_name: Optional[str] = None,
             reason: Optional[str] = None,
             location: Optional[str] = None,
             contact_info: Optional[str] = None,
             signing_time: Optional[DateTimeLike] = None,
             digest: Optional[str] = None,
             reserve_bytes: Optional[int] = None,
             appearance: Optional[Mapping[str, Any]] = None,
             limits: Optional[Mapping[str, int]] = None) -> Tuple[bytes, Dict[str, Any]]:
    """Signs a PDF with a PAdES signature (PAdES-B-B, ``ETSI.CAdES.detached``; the agency's
    signature of NĐ 30/2020 Đ25 on an electronic copy, NĐ 137/2024 Đ4.1.b–c on a conversion)
    appended as an incremental update: RSA-SHA256 for an RSA key, ECDSA for a P-256 / P-384
    key. The key is either ``key_pem`` (PKCS#8, PEM ``PRIVATE KEY``) with ``certs_pem`` (the
    chain, signer first), or ``pkcs12`` (a ``.p12`` / ``.pfx`` file's bytes or path) with its
    ``password``, or ``signer`` (a :class:`Signer`: a token, an HSM, a remote signing service;
    ``key_source`` ``"external"``); anything else raises :class:`InvalidArgumentError`
    (``ffi.invalid_arguments``). ``data`` is the PDF's bytes or a path. ``signing_time`` is
    the ``/M`` the signer claims (default now; timezone-aware), ``field_name`` (default
    ``Signature1``, …), ``reason``, ``location``, ``contact_info``, ``digest`` (``"sha256"``,
    ``"sha384"``, ``"sha512"``), ``reserve_bytes`` (room for the CMS), ``appearance`` a visible
    signature (``{"page", "lines", "size_pt", "corner", "margin_mm"}``; default invisible).
    Returns the signed PDF's bytes and a dict: ``level``, ``field_name``, ``signer``
    (``subject``, ``issuer``, ``serial``, ``not_before``, ``not_after``), ``certificates``,
    ``algorithm``, ``key_source`` (``"pem"`` / ``"pkcs12"``), ``claimed_time``,
    ``byte_range``, ``original_len``, ``output_len``, ``output_sha256``, ``cms_len``,
    ``reserved``. A key or certificate that cannot be used raises :class:`PdfError`
    (``sign.key.pkcs12`` for a wrong password, ``sign.key.certificate_mismatch``, …), so do
    ``pdf.encrypted``, ``pdf.not_pdf``, ``pdf.parse``, ``pdf.locked``, ``pdf.sign``."""
    options = _options(
        field_name=field_name, reason=reason, location=location, contact_info=contact_info,
        signing_time=None if signing_time is None else _time_text(signing_time), digest=digest,
        reserve_bytes=reserve_bytes, appearance=None if appearance is None else dict(appearance),
        limits=None if limits is None else dict(limits))
    _one_key_source(key_pem is not None or certs_pem is not None or pkcs12 is not None, signer)
    if signer is not None:
        algorithm, chain = _signer_parts(signer)
        pdf, meta = _egov.pdf_sign_with(_file_bytes(data, "data"), algorithm, chain, signer.sign,
                                        options)
        return pdf, _load_dict(meta)
    pdf, meta = _egov.pdf_sign(
        _file_bytes(data, "data"),
        None if key_pem is None else _pem(key_pem),
        None if certs_pem is None else _pem(certs_pem),
        None if pkcs12 is None else _file_bytes(pkcs12, "pkcs12"),
        password, options)
    return pdf, _load_dict(meta)


def verify_pdf_signatures(data: PdfInput, *, anchors_pem: Optional[Pem] = None,
                          at: Optional[DateTimeLike] = None,
                          limits: Optional[Mapping[str, int]] = None) -> Dict[str, Any]:
    """Verifies every PAdES signature and document time-stamp of a PDF (QĐ 28/2018/QĐ-TTg
    Đ6.1, DOC-18): the byte ranges (all of the revision each ends with except ``/Contents``),
    the CMS (message digest, signature value, signing certificate), the chain to
    ``anchors_pem`` (PEM root certificates; without them the chain is ``not_checked``, never
    trusted) at ``at`` (default per signature: its time-stamp, else its claimed ``/M``, else
    now), the revision each covers and the revisions appended after it. ``data`` is the PDF's
    bytes or a path. Keys: ``signatures`` (each ``field_name``, ``kind``, ``sub_filter``,
    ``byte_range``, ``signed_len``, ``revision``, ``revisions_after``, ``claimed_time``,
    ``valid``, ``range_problem``, ``cms`` with ``failure``, ``signer``, ``chain``,
    ``checked_at``, ``time_source``, ``timestamp``, …), ``revisions``, ``updates`` (each
    revision after the first signed one: ``revision``, ``adds`` — ``validation_data``,
    ``document_timestamp``, ``signature``, the updates permitted after signing —,
    ``other_changes`` — what else it changes, each with its ``change`` kind — and
    ``permitted``), ``all_valid`` (at least one signature and every one valid), ``findings``
    (a revision after a signature passes when it only adds what is permitted, else it is a
    warning naming the changes). A signature that does not verify
    is a result, not an error; anchors that are not PEM certificates raise
    :class:`InvalidArgumentError` (``ffi.invalid_anchors``)."""
    return _load_dict(_egov.pdf_verify_signatures(
        _file_bytes(data, "data"), None if anchors_pem is None else _pem(anchors_pem),
        _options(at=None if at is None else _time_text(at),
                 limits=None if limits is None else dict(limits))))
