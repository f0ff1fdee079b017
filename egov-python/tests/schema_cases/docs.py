"""`--json` answers of the commands in egov-cli/src/schema_types/docs.rs."""

from __future__ import annotations

import json
from pathlib import Path

from schema_cases import Case, Ctx


def _policy(ctx: Ctx) -> Path:
    p = ctx.tmp / "paper-copy-policy.json"
    p.write_text(
        json.dumps(
            {"list_source": "Quyết định số 12/QĐ-UBND",
             "listed_document_types": ["Tờ trình", "Báo cáo"]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return p


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    return [("paper-copy-policy", _policy(ctx))]


def cases(ctx: Ctx) -> list[Case]:
    policy = str(_policy(ctx))
    bad_policy = ctx.tmp / "bad-policy.json"
    bad_policy.write_text('{"listed_document_types": "Tờ trình"}', encoding="utf-8")
    misspelt = ctx.tmp / "misspelt-policy.json"
    misspelt.write_text('{"listed_document_type": ["Tờ trình"]}', encoding="utf-8")
    at = "2026-03-02T09:00:00+07:00"
    return [
        ("status-transitions", ["status", "transitions"], {0}),
        ("status-transitions", ["status", "transitions", "accepted"], {0}),
        ("status-transitions", ["status", "transitions", "đã đến"], {0}),
        ("status-transitions", ["status", "transitions", "rejected"], {0}),
        ("status-transitions", ["status", "transitions", "deleted"], {0}),
        ("error", ["status", "transitions", "no-such-status"], {1}),
        ("status-apply", ["status", "apply", "arrived", "accept", "--at", at], {0}),
        ("status-apply", ["status", "apply", "arrived", "reject", "--reason", "Sai thể thức",
                          "--at", at], {0}),
        ("status-apply", ["status", "apply", "accepted", "recall", "--at", at], {0}),
        ("status-apply", ["status", "apply", "recalled", "confirm_cancellation", "--at", at],
         {0}),
        ("status-apply", ["status", "apply", "accepted", "forward"], {0}),
        ("error", ["status", "apply", "rejected", "accept", "--at", at], {1}),
        ("error", ["status", "apply", "arrived", "reject", "--at", at], {1, 2}),
        ("status-edxml-code", ["status", "edxml-code", "03"], {0}),
        ("status-edxml-code", ["status", "edxml-code", "13"], {0}),
        ("status-edxml-code", ["status", "edxml-code", "15"], {0}),
        ("status-edxml-code", ["status", "edxml-code", "đã tiếp nhận"], {0}),
        ("error", ["status", "edxml-code", "99"], {1}),
        ("urgency", ["urgency", "hỏa tốc"], {0}),
        ("urgency", ["urgency", "thuong khan"], {0}),
        ("urgency", ["urgency", "--edxml-priority", "0"], {0}),
        ("urgency", ["urgency", "--edxml-priority", "1"], {0}),
        ("error", ["urgency", "rất khẩn"], {1}),
        ("legal-value", ["legal-value", "--digitally-signed", "yes", "--via-system", "yes"], {0}),
        ("legal-value", ["legal-value", "--digitally-signed", "no", "--via-system", "yes"],
         {0, 1}),
        ("legal-value", ["legal-value", "--digitally-signed", "yes", "--via-system", "no"], {1}),
        ("paper-copy", ["paper-copy", "--type", "Công văn", "--legal-value",
                        "equivalent_to_paper"], {0}),
        ("paper-copy", ["paper-copy", "--type", "Tờ trình", "--legal-value",
                        "equivalent_to_paper", "--policy", policy], {0}),
        ("paper-copy", ["paper-copy", "--type", "Công văn", "--legal-value", "reference_only",
                        "--to-government", "--issued", "yes"], {0}),
        ("paper-copy", ["paper-copy", "--type", "Tờ trình", "--legal-value",
                        "equivalent_to_paper", "--listed", "Tờ trình", "--issued", "no"], {1}),
        ("error", ["paper-copy", "--type", "Tờ trình", "--legal-value", "equivalent_to_paper",
                   "--policy", str(bad_policy)], {1}),
        ("error", ["paper-copy", "--type", "Tờ trình", "--legal-value", "equivalent_to_paper",
                   "--policy", str(ctx.tmp / "missing.json")], {2}),
        ("error", ["paper-copy", "--type", "Tờ trình", "--legal-value", "equivalent_to_paper",
                   "--policy", str(misspelt)], {1}),
    ]
