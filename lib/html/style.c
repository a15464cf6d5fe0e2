/* html/style: the style sheet of every page, inside its <style>. Static
 * text only: nothing from the document is ever written here. Colours of
 * the funding sources (.seg-*) match the classes of format.c's funding
 * sources; the page prints on A4. */
#include "html_internal.h"

/* The style sheet, one rule per entry (each under the 4095-byte limit
 * C99 compilers must support for a string literal). */
static const char *const style_sheet[] = {
    "@page{size:A4;margin:12mm}\n",
    ":root{--ink:#1b1b1b;--rule:#4d4d4d;--soft:#bdbdbd;--head:#e8edf3;--band:#1f3b5c;--accent:#0072b2}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
    "body{margin:0;background:#efefea;color:var(--ink);font-size:13px;line-height:1.5;"
    "font-family:\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\",\"Yu Gothic UI\",\"Yu Gothic\",YuGothic,Meiryo,"
    "\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Source Han Sans JP\",\"IPAexGothic\",\"IPAPGothic\",\"TakaoPGothic\","
    "\"VL PGothic\",system-ui,sans-serif;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    ".sheet{max-width:1120px;margin:16px auto;padding:18px 22px;background:#fff;"
    "box-shadow:0 1px 4px rgba(0,0,0,.18)}\n",
    ".doc-head{display:flex;justify-content:space-between;align-items:baseline;"
    "border-bottom:3px double var(--band);margin-bottom:8px}\n",
    ".doc-kind{font-size:18px;font-weight:700;letter-spacing:.2em;margin:0}\n",
    ".municipality{font-size:15px;font-weight:700;margin:0}\n",
    "h1,h2,h3,h4,h5,h6{margin:0;line-height:1.3}\n",
    "section>h2,section>h3,section>h4,section>h5,section>h6{font-size:14px;margin:14px 0 6px;padding:2px 8px;"
    "border-left:6px solid var(--band);background:#edf0f4}\n",
    ".project-name h1,.project-name h2,.project-name h3,.project-name h4,.project-name h5,.project-name h6"
    "{font-size:19px}\n",
    ".evaluation>h3,.evaluation>h4,.evaluation>h5,.evaluation>h6{font-size:13px;margin:8px 0 4px}\n",
    "table{border-collapse:collapse;width:100%;margin:0 0 8px}\n",
    "th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:top;text-align:left;"
    "overflow-wrap:anywhere}\n",
    "th{background:var(--head);font-weight:600}\n",
    "thead th{text-align:center;vertical-align:middle}\n",
    ".band th{background:var(--band);color:#fff;white-space:nowrap;width:7em}\n",
    ".band td{font-size:14px}\n",
    ".band .code{font-family:ui-monospace,monospace;font-size:15px;white-space:nowrap}\n",
    ".info th{width:10em}\n",
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n",
    ".unit{text-align:center;white-space:nowrap;color:#444;font-size:12px}\n",
    ".na{text-align:center;color:#8a8a8a;cursor:help}\n",
    ".not-settable{color:#555;font-size:12px}\n",
    ".differs{text-decoration:underline dotted #d55e00}\n",
    ".phase{font-weight:400;font-size:11px;color:#444}\n",
    "th.group{writing-mode:vertical-rl;text-orientation:upright;text-align:center;vertical-align:middle;"
    "width:1.8em;padding:4px 2px;letter-spacing:.1em}\n",
    "th.sub{font-weight:400;white-space:nowrap}\n",
    ".cost-table th[scope=row]{white-space:nowrap}\n"
    ".cost-table,.indicator-table{width:auto;min-width:50%}\n"
    "th[data-fy]{min-width:6.5em}\n",
    ".cost-table .row-expense td,.cost-table .row-total td,.cost-table .row-total th"
    "{font-weight:700}\n",
    ".cost-table .row-total td,.cost-table .row-total th{background:#fff6dd;border-top:2px solid var(--rule)}\n",
    ".staff-line{white-space:nowrap}\n",
    ".staff-basis{display:block;font-size:11px;color:#444}\n",
    ".indicator-name{font-weight:600;min-width:12em}\n",
    ".definition{font-weight:400;font-size:11px;color:#444;margin-top:2px}\n",
    ".direction{font-weight:400;font-size:11px;color:#444}\n",
    ".kind{white-space:nowrap;font-size:12px}\n",
    ".long-term{font-size:12px}\n",
    "tbody.indicator{border-top:2px solid var(--rule)}\n",
    ".scroll{overflow-x:auto}\n",
    ".unit-note,.none{font-size:12px;color:#444;margin:2px 0 4px}\n",
    "figure.chart{margin:6px 0 12px;padding:6px 8px;border:1px solid var(--soft);background:#fff}\n",
    "figcaption{font-size:12px;color:#333;margin-top:2px}\n",
    ".chart-svg{display:block;height:auto}\n",
    ".chart-svg text{font-size:11px;fill:#333;font-family:inherit}\n",
    ".chart-svg .tick,.chart-svg .axis-unit{text-anchor:end}\n",
    ".chart-svg .year-label,.chart-svg .phase-label{text-anchor:middle}\n",
    ".chart-svg .phase-label{font-size:10px;fill:#555}\n",
    ".gridline{stroke:#dcdcdc;stroke-width:1}\n",
    ".zero,.axis{stroke:#333;stroke-width:1.2}\n",
    ".bar{stroke:#fff;stroke-width:.8}\n",
    ".seg-national{fill:#0072b2;background:#0072b2}\n",
    ".seg-prefectural{fill:#56b4e9;background:#56b4e9}\n",
    ".seg-bonds{fill:#cc79a7;background:#cc79a7}\n",
    ".seg-user_charges{fill:#f0e442;background:#f0e442}\n",
    ".seg-other{fill:#009e73;background:#009e73}\n",
    ".seg-general{fill:#e69f00;background:#e69f00}\n",
    ".seg-rest{fill:#7f7f7f;background:#7f7f7f}\n",
    ".line{fill:none;stroke-width:2}\n",
    ".line.actual{stroke:#0072b2}\n",
    ".line.target{stroke:#d55e00;stroke-dasharray:6 4}\n",
    ".point.actual{fill:#0072b2;stroke:#fff;stroke-width:1}\n",
    ".point.target{fill:#fff;stroke:#d55e00;stroke-width:2}\n",
    ".legend{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}\n",
    ".swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px;"
    "border:1px solid #555}\n",
    "th .swatch{width:9px;height:9px}\n",
    ".swatch.line-actual{background:#0072b2;border-radius:50%}\n",
    ".swatch.line-target{background:#fff;border:2px solid #d55e00;border-radius:50%}\n",
    ".indicator-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:8px}\n",
    ".indicator-charts figure.chart{margin:0}\n",
    ".evaluation{border:1px solid var(--soft);padding:6px 8px;margin:0 0 10px}\n",
    ".verdict{font-weight:700;font-size:14px}\n",
    ".unknown{color:#b00020}\n",
    ".answer-code{font-weight:700;margin-right:4px}\n",
    ".criteria th[scope=row]{width:10em}\n",
    ".goals td{width:33%}\n",
    ".level-name{font-size:11px;color:#555}\n",
    ".level-code{font-weight:600}\n",
    ".sep{color:#888}\n",
    ".subproject{border:2px solid var(--soft);padding:8px 10px;margin:10px 0}\n",
    ".index-table td a{font-weight:600}\n",
    ".page-foot{margin-top:14px;padding-top:6px;border-top:1px solid var(--soft);font-size:11px;color:#555}\n",
    "@media print{\n",
    "body{background:#fff;font-size:9pt}\n",
    ".sheet{max-width:none;margin:0;padding:0;box-shadow:none}\n",
    "table,figure,.evaluation,tr,td,th,svg{break-inside:avoid;page-break-inside:avoid}\n",
    "section>h2,section>h3,section>h4,.evaluation>h3,.evaluation>h4{break-after:avoid;page-break-after:avoid}\n",
    "thead{display:table-header-group}\n",
    ".scroll{overflow:visible}\n",
    "a{color:inherit;text-decoration:none}\n",
    "}\n",
};


void hyoka__html_style_sheet(struct hyoka__html_out *o)
{
    for (size_t i = 0; i < sizeof style_sheet / sizeof style_sheet[0]; i++)
        hyoka__html_puts(o, style_sheet[i]);
}
