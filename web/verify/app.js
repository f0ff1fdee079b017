// The verification page: reads the payload from the URL fragment, verifies it offline with the
// WebAssembly build of egov against the agency's signed trust lists, and shows the state.
// No legal rule or wording lives here: states, sentences and printed lines come from egov.
import init, { verify_mark, version } from './pkg/egov_wasm.js';

const TEXT = {
  vi: { title: 'Kiểm tra ký hiệu chuyển đổi', lang: 'English', loading: 'Đang kiểm tra…',
    lines: 'Nội dung ký hiệu (như in trên giấy)', file_h: 'Kiểm tra tệp',
    file_p: 'Chọn tệp bạn có (bản quét, văn bản điện tử) để so với mã băm trong ký hiệu. Tệp được tính mã băm ngay trên thiết bị này, không gửi đi đâu.',
    findings: 'Chi tiết', holder: 'Chủ khóa ký', key: 'Mã khóa', converted: 'Thời gian chuyển đổi',
    list: 'Danh sách tin cậy', no_payload: 'Địa chỉ này không mang ký hiệu nào. Hãy quét mã QR trên văn bản bằng máy ảnh của điện thoại.',
    error: 'Không kiểm tra được', file_ok: 'Tệp khớp với ký hiệu.', file_bad: 'Tệp không khớp với ký hiệu.',
    privacy: 'Mã QR được kiểm tra ngay trên thiết bị này: nội dung ký hiệu nằm sau dấu # của địa chỉ, trình duyệt không gửi phần đó tới máy chủ.',
    issued: 'phát hành', stale: 'quá hạn cập nhật', notaccepted: 'không được chấp nhận',
    load_failed: 'không tải được cấu hình hoặc danh sách tin cậy của trang',
    code: 'Mã lỗi (cho bộ phận hỗ trợ)' },
  en: { title: 'Check a conversion mark', lang: 'Tiếng Việt', loading: 'Checking…',
    lines: 'The mark (as printed)', file_h: 'Check a file',
    file_p: 'Pick a file you hold (a scan, an electronic document) to compare with the hash in the mark. It is hashed on this device and sent nowhere.',
    findings: 'Details', holder: 'Key holder', key: 'Key id', converted: 'Converted at',
    list: 'Trust list', no_payload: 'This address carries no mark. Scan the QR code on the document with your phone camera.',
    error: 'Cannot check', file_ok: 'The file matches the mark.', file_bad: 'The file does not match the mark.',
    privacy: 'The QR code is checked on this device: the mark rides after the # of the address, which the browser never sends to the server.',
    issued: 'issued', stale: 'past its update date', notaccepted: 'not accepted',
    load_failed: "the page's configuration or trust lists did not load",
    code: 'Error code (for support)' },
};
const TONE = { verified: 'ok', list_stale: 'warn', key_unknown: 'unknown' };
let lang = 'vi';
let ctx = null;
let last = null;
let fileAnswer = null;

const $ = (id) => document.getElementById(id);
const t = (k) => TEXT[lang][k];

function now() {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function check(content) {
  const text = verify_mark(ctx.qr, JSON.stringify(ctx.lists), JSON.stringify(ctx.pins), now(),
    content === undefined ? undefined : content);
  return JSON.parse(text);
}

// A time egov wrote (RFC 3339, Vietnam time `…+07:00`) as the page's language writes it:
// `09:15 ngày 02/03/2026` in Vietnamese, as written in English.
function when(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2})?\+07:00$/.exec(iso || '');
  if (lang !== 'vi' || !m) return iso;
  return `${m[4]}:${m[5]} ngày ${m[3]}/${m[2]}/${m[1]}`;
}

function render() {
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const [id, k] of [['title', 'title'], ['lines-h', 'lines'], ['file-h', 'file_h'],
    ['file-p', 'file_p'], ['findings-h', 'findings'], ['privacy', 'privacy']]) $(id).textContent = t(k);
  $('lang').textContent = t('lang');
  $('lang').lang = lang === 'vi' ? 'en' : 'vi';
  const res = $('result');
  $('code').textContent = '';
  if (!ctx || !ctx.qr) {
    res.dataset.state = 'no_payload';
    $('state').textContent = t('no_payload');
    $('file').hidden = true;
    return;
  }
  const r = last;
  if (!r) { $('state').textContent = t('loading'); return; }
  if (r.error) {
    // In words for the citizen; the code, for whoever they ask, below.
    res.dataset.state = 'error';
    res.dataset.tone = 'bad';
    $('state').textContent = t('error');
    $('detail').textContent = (lang === 'vi' && r.message_vi) || r.message || '';
    $('code').textContent = `${t('code')}: ${r.error}`;
    return;
  }
  res.dataset.state = r.status;
  res.dataset.tone = TONE[r.status] || 'bad';
  $('state').textContent = lang === 'vi' ? r.status_vi : r.status_en;
  // The state line says it; below it, only why a mark failed (egov's reason, in the page's
  // language) or nothing.
  const failure = r.verification && r.verification.failure;
  const reason = failure && (lang === 'vi' && failure.reason_vi ? failure.reason_vi : failure.reason);
  $('detail').textContent = failure && r.status !== 'key_unknown' ? reason : '';
  const facts = $('facts');
  facts.replaceChildren();
  const fact = (k, v) => {
    if (!v) return;
    const dt = document.createElement('dt'); dt.textContent = t(k);
    const dd = document.createElement('dd'); dd.textContent = v;
    facts.append(dt, dd);
  };
  const h = r.holder;
  fact('holder', h ? (h.agency_code ? `${h.name} (${h.agency_code})` : h.name) : '');
  fact('key', r.verification && r.verification.key_id);
  const lines = $('lines');
  lines.replaceChildren(...(r.printed_lines || []).map((l) => {
    const li = document.createElement('li'); li.textContent = l; return li;
  }));
  $('findings').replaceChildren(...(r.findings || []).map((f) => {
    const li = document.createElement('li'); li.textContent = lang === 'vi' ? f.message_vi : f.message; return li;
  }));
  $('lists').textContent = (r.lists || []).map((l) => {
    const name = l.issuer.agency_code ? `${l.issuer.name} (${l.issuer.agency_code})` : l.issuer.name;
    const state = !l.accepted ? `, ${t('notaccepted')}` : (l.stale ? `, ${t('stale')}` : '');
    return `${t('list')}: ${name}, ${t('issued')} ${when(l.issued_at)}${state}`;
  }).join(' · ');
  $('file').hidden = !(r.verification && r.verification.content_sha256);
  if (fileAnswer) {
    $('file-result').dataset.state = fileAnswer.status;
    $('file-result').textContent = fileAnswer.status === 'content_mismatch' ? t('file_bad')
      : (fileAnswer.verification && fileAnswer.verification.state === 'content_matches' ? t('file_ok')
        : (lang === 'vi' ? fileAnswer.status_vi : fileAnswer.status_en));
  }
}

async function main() {
  $('lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; render(); });
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
  await init();
  $('version').textContent = `egov ${version()}`;
  const cfg = await (await fetch('config.json')).json();
  const lists = await Promise.all(cfg.lists.map(async (f) => (await fetch(f)).json()));
  // The QR text is the page's own address with the payload in the fragment (the signature
  // covers the address): rebuild it without sending anything anywhere.
  const load = () => {
    const qr = location.hash.length > 1
      ? location.origin + location.pathname + location.search + decodeURIComponent(location.hash) : '';
    ctx = { qr, lists, pins: cfg.pins };
    last = qr ? check(undefined) : null;
    fileAnswer = null;
    $('file-result').textContent = '';
  };
  load();
  // Another code scanned into the same tab changes only the fragment.
  window.addEventListener('hashchange', () => { load(); render(); });
  $('pick').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    fileAnswer = check(new Uint8Array(await file.arrayBuffer()));
    render();
  });
  render();
  document.body.dataset.ready = '1';
}

main().catch((e) => {
  $('result').dataset.state = 'error';
  $('state').textContent = t('error');
  $('detail').textContent = t('load_failed');
  $('code').textContent = `${t('code')}: ${e}`;
  document.body.dataset.ready = '1';
});
