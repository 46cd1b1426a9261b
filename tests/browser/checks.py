"""Accessibility and layout checks run in the browser. Each returns a list of problems in plain words."""

import difflib

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MIN_FONT_SIZE = 14
_axe = Axe()

# Everything a keyboard user can normally Tab to.
FOCUSABLE = (
    'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), '
    'select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]:not([tabindex="-1"]), '
    '[contenteditable="true"]'
)

_DESCRIBE = """
    el => {
        const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
        const id = el.id ? ` id=${el.id}` : '';
        const classes = typeof el.className === 'string' && el.className ? ` class="${el.className}"` : '';
        return `<${el.tagName.toLowerCase()}${id}${classes}> "${text.slice(0, 60)}"`;
    }
"""

_STYLE_SNAPSHOT = """
    el => {
        const s = getComputedStyle(el);
        return {
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                && !/rgba\\(.*, 0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent',
            background: s.backgroundColor,
            shadow: s.boxShadow,
        };
    }
"""

_MARK_FOCUSABLE = f"""
    () => {{
        const snapshot = {_STYLE_SNAPSHOT};
        const describe = {_DESCRIBE};
        const found = [];
        document.querySelectorAll({FOCUSABLE!r}).forEach((el, index) => {{
            if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') return;
            // Hidden from everyone on purpose (a spam trap); axe reports it if it could still take focus.
            if (el.closest('[aria-hidden="true"]')) return;
            // Tab reaches one radio button of a group; the arrow keys move between them.
            const group = el.form ? el.form.getAttribute('action') : '';
            const id = el.type === 'radio' && el.name ? `radio:${{group}}:${{el.name}}` : String(index);
            el.dataset.tabCheck = id;
            found.push({{id, label: describe(el), style: snapshot(el)}});
        }});
        return found;
    }}
"""

_FOCUSED = f"""
    () => {{
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const rect = el.getBoundingClientRect();
        return {{
            id: el.dataset.tabCheck || null,
            label: ({_DESCRIBE})(el),
            style: ({_STYLE_SNAPSHOT})(el),
            isSkipLink: el.classList.contains('skip-link'),
            onScreen: rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight,
        }};
    }}
"""

_FOCUS_FROM_TOP = """
    () => {
        const marker = document.createElement('span');
        marker.tabIndex = -1;
        document.body.prepend(marker);
        marker.focus();
        marker.remove();
    }
"""

_OVERFLOWING = f"""
    () => {{
        const root = document.documentElement;
        const width = root.clientWidth;
        const scrolls = el => {{
            for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {{
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(node).overflowX)) return true;
            }}
            return false;
        }};
        const offenders = root.scrollWidth <= width ? [] : [...document.body.querySelectorAll('*')]
            .filter(el => el.getBoundingClientRect().right > width + 0.5 && !scrolls(el))
            .slice(0, 5).map({_DESCRIBE});
        return {{scrollWidth: root.scrollWidth, clientWidth: width, offenders}};
    }}
"""

_HEADINGS = """
    () => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .filter(h => h.getClientRects().length)
        .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s+/g, ' ')])
"""

# Text a visitor can read in main. Controls that site.js adds (marked data-enhancement) are left out, so
# the same page with and without JavaScript can be compared.
_MAIN_TEXT = """
    () => {
        const main = document.querySelector('main');
        if (!main) return '';
        const added = [...main.querySelectorAll('[data-enhancement]')];
        const previous = added.map(el => el.style.display);
        added.forEach(el => { el.style.display = 'none'; });
        const text = main.innerText;
        added.forEach((el, i) => { el.style.display = previous[i]; });
        return text;
    }
"""


def axe_problems(page):
    """Runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    problems = []
    for violation in results.response["violations"]:
        nodes = violation["nodes"]
        lines = [f"axe {violation['id']} ({violation['impact']}): {violation['help']} [{len(nodes)} element(s)]"]
        for node in nodes[:4]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {' '.join(map(str, node['target']))}: {summary}")
        problems.append("\n".join(lines))
    return problems


def horizontal_scroll_problems(page):
    result = page.evaluate(_OVERFLOWING)
    if result["scrollWidth"] <= result["clientWidth"]:
        return []
    return [
        f"scrolls sideways: content is {result['scrollWidth']}px wide in a {result['clientWidth']}px window; "
        f"too wide: {'; '.join(result['offenders'])}"
    ]


_SMALL_TEXT = f"""
    () => [...document.body.querySelectorAll('*')]
        .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
            && el.getClientRects().length && !el.closest('.visually-hidden')
            && parseFloat(getComputedStyle(el).fontSize) < {MIN_FONT_SIZE})
        .slice(0, 5).map({_DESCRIBE})
"""


def zoom_problems(page):
    """At 200% zoom a 1280 px window lays the page out 640 CSS pixels wide."""
    problems = horizontal_scroll_problems(page)
    small = page.evaluate(_SMALL_TEXT)
    if small:
        problems.append(f"text smaller than {MIN_FONT_SIZE}px: {'; '.join(small)}")
    box = page.locator("h1").bounding_box()
    if not box or box["x"] < 0 or box["x"] + box["width"] > page.viewport_size["width"] or box["height"] == 0:
        problems.append(f"the h1 is not fully visible at 200% zoom: {box}")
    return problems


def heading_problems(page):
    headings = page.evaluate(_HEADINGS)
    problems = []
    h1s = [text for level, text in headings if level == 1]
    if len(h1s) != 1:
        problems.append(f"expected exactly one h1, found {len(h1s)}: {h1s}")
    previous = 1
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"heading level skipped: h{previous} then h{level} '{text}'")
        previous = level
    return problems


def _shows_focus(unfocused, focused):
    """A visible outline, or a background or shadow that changes when the element takes focus."""
    if focused["outline"]:
        return True
    return unfocused is not None and any(unfocused[key] != focused[key] for key in ("background", "shadow"))


def keyboard_problems(page):
    """Tabs through the whole page: every control is reached, in turn, each with a visible focus indicator."""
    # Start from the top of the page, as after it loads: focus a throwaway element placed first, then remove it.
    page.evaluate(_FOCUS_FROM_TOP)
    page.mouse.move(0, 0)
    focusable = {item["id"]: item for item in page.evaluate(_MARK_FOCUSABLE)}
    reached = []
    problems = []
    for step in range(len(focusable) + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None or focused["id"] in reached:
            break
        if step == 0 and not focused["isSkipLink"]:
            problems.append(f"the first Tab stop is {focused['label']}, not the skip link")
        reached.append(focused["id"])
        if not _shows_focus(focusable.get(focused["id"], {}).get("style"), focused["style"]):
            problems.append(f"no visible focus indicator on {focused['label']}")
        if not focused["onScreen"]:
            problems.append(f"focused element is off screen: {focused['label']}")
    missed = [item["label"] for key, item in focusable.items() if key not in reached]
    if missed:
        problems.append(f"not reachable by Tab: {'; '.join(missed)}")
    return problems


def skip_link_problems(page):
    """Call after keyboard_problems has shown the skip link is the first Tab stop."""
    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    if page.evaluate("() => document.activeElement.id") != "main-content":
        return ["the skip link does not move focus to the main content"]
    return []


def main_text(page):
    return [line.strip() for line in page.evaluate(_MAIN_TEXT).splitlines() if line.strip()]


def text_difference(with_js, without_js):
    if with_js == without_js:
        return []
    diff = difflib.unified_diff(with_js, without_js, "with JavaScript", "without JavaScript", lineterm="", n=1)
    return ["main content differs without JavaScript:\n      " + "\n      ".join(list(diff)[:20])]


def tab_to(locator, limit=60):
    """Presses Tab until the locator's element has focus, as a keyboard user would."""
    for _ in range(limit):
        locator.page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"could not reach {locator} with the Tab key")


_CHARTS = """
    () => [...document.querySelectorAll('svg[role="img"]')].map(svg => {
        const rect = svg.getBoundingClientRect();
        return {
            inFigure: !!svg.closest('figure') && !!svg.closest('figure').querySelector('figcaption'),
            title: (svg.querySelector(':scope > title') || {}).textContent || '',
            desc: (svg.querySelector(':scope > desc') || {}).textContent || '',
            labelled: (svg.getAttribute('aria-labelledby') || '').split(' ').every(id => document.getElementById(id)),
            right: rect.right,
            width: rect.width,
        };
    })
"""


def chart_problems(page):
    """Every chart is a figure with a caption, names itself with a title and description, and fits the window."""
    problems = []
    width = page.viewport_size["width"]
    for number, chart in enumerate(page.evaluate(_CHARTS), start=1):
        if not chart["inFigure"]:
            problems.append(f"chart {number} is not in a figure with a caption")
        if not chart["title"].strip() or not chart["desc"].strip() or not chart["labelled"]:
            problems.append(f"chart {number} has no title and description naming what it shows")
        if chart["right"] > width or chart["width"] < 200:
            problems.append(f"chart {number} does not fit the {width}px window: {chart['width']}px wide")
    return problems
