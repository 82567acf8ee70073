package org.shangliang.support;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

import java.util.List;

/**
 * Layout checks on a page as it is on screen, from element rectangles and scroll sizes: text that
 * is clipped by its box, spills out of it, or lies outside the viewport.
 */
public final class Layout {
  /**
   * Every visible element with text of its own must lie inside the viewport; every box that clips
   * (overflow other than visible) must hold its content (scroll size ≤ client size + 1), so no
   * text is cut by a box either. Answers one line per problem.
   */
  static final String PROBLEMS = "() => {"
      + " const vw = innerWidth, vh = innerHeight, problems = [];"
      + " const nameOf = (el) => el.dataset.testid || (typeof el.className === 'string' && el.className) || el.tagName;"
      + " for (const el of document.querySelectorAll('html, body, body *')) {"
      + "   const r = el.getBoundingClientRect(), cs = getComputedStyle(el);"
      + "   if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;"
      + "   const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());"
      + "   const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';"
      + "   if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))"
      + "     problems.push(nameOf(el) + ' overflows its box: ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);"
      + "   if (text && (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1))"
      + "     problems.push(nameOf(el) + ' lies outside the ' + vw + 'x' + vh + ' viewport: ' + Math.round(r.left) + ',' + Math.round(r.top) + ' to ' + Math.round(r.right) + ',' + Math.round(r.bottom));"
      + " }"
      + " return problems; }";

  /** Whether the element (a selector) lies wholly inside the viewport and is not hidden. */
  static final String INSIDE = "(selector) => { const el = document.querySelector(selector); if (!el) return false;"
      + " const r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0) return false;"
      + " return r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1; }";

  private Layout() {
  }

  @SuppressWarnings("unchecked")
  public static List<String> problems(Page page) {
    return (List<String>) page.evaluate(PROBLEMS);
  }

  @SuppressWarnings("unchecked")
  public static List<String> problems(Frame frame) {
    return (List<String>) frame.evaluate(PROBLEMS);
  }

  public static boolean inside(Page page, String selector) {
    return Boolean.TRUE.equals(page.evaluate(INSIDE, selector));
  }
}
