package io.vigil.e2e;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * What a screenshot would show as broken, checked in the page itself: the stylesheet not applied,
 * the page wider than the window, text cut off by its box (unless the design ellipsises it), images
 * that did not load, and siblings in the page head or a card that overlap.
 */
final class LayoutCheck {

    private static final String SCRIPT = """
            () => {
              const problems = [];
              const css = getComputedStyle(document.querySelector('.topbar') || document.body);
              if (!document.styleSheets.length || css.display === 'block' && document.querySelector('.topbar')) {
                problems.push('the stylesheet is not applied');
              }
              if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window');
              }
              for (const el of document.querySelectorAll('main *')) {
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden' || !el.childNodes.length) continue;
                const clips = ['hidden', 'clip'].includes(style.overflowX);
                if (clips && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 2) {
                  problems.push('cut off: <' + el.tagName.toLowerCase() + ' class="' + el.className + '"> '
                      + (el.textContent || '').trim().slice(0, 60));
                }
              }
              for (const img of document.querySelectorAll('img')) {
                if (img.complete && img.naturalWidth === 0) problems.push('image not loaded: ' + img.getAttribute('src'));
              }
              for (const parent of document.querySelectorAll('.page-head, .card, .filters, .topbar')) {
                const kids = Array.from(parent.children).filter(e => e.offsetParent !== null)
                    .map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
                for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
                  const [a, ra] = kids[i], [b, rb] = kids[j];
                  const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                  const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                  if (overlapX > 2 && overlapY > 2 && getComputedStyle(a).position === 'static'
                      && getComputedStyle(b).position === 'static') {
                    problems.push('overlap in .' + parent.className.split(' ')[0] + ': <' + a.tagName.toLowerCase()
                        + '> and <' + b.tagName.toLowerCase() + '>');
                  }
                }
              }
              return problems;
            }""";

    private LayoutCheck() {
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Page page) {
        return (List<String>) page.evaluate(SCRIPT);
    }
}
