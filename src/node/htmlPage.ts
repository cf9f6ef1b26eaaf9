import { escapeHtml } from './reportFormat';
import { STYLE } from './reportStyle';

/**
 * The page every HTML report of queuecast is written into: self-contained (the style inline,
 * the charts as inline SVG) and forbidden by its content security policy to load anything, so
 * it opens the same from a disk, a mail or an intranet with no network. `page` adds a class to
 * the body and style rules after the shared ones.
 */
export function htmlPage(title: string, main: string, page: { className?: string; style?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="queuecast">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${page.style ?? ''}</style>
</head>
<body${page.className === undefined ? '' : ` class="${escapeHtml(page.className)}"`}>
<main>
${main}
<footer>Made with queuecast, a discrete-event simulation of contact-center hold queues.</footer>
</main>
</body>
</html>
`;
}
