# Makes the web-page fixtures from the text of two General Assembly
# resolutions (testdata/resolutions/*.txt, made from the official PDFs):
# the resolution's text, unchanged, in the shape of pages a delegate saves
# from the web. A-RES-73-7.html is a modern UN page (UTF-8, banner, navigation,
# search, scripts, styles, a <main> with the document, footnotes at the end);
# A-RES-73-8-windows-1252.html an old one (windows-1252, upper-case tags,
# layout tables, paragraphs separated by <BR><BR>, the operative paragraphs
# as an <OL>). Run from this folder: python3 make.py
import html, re

SUP = {'¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁰': '0'}

def blocks_of(path):
    t = open(path, encoding='utf-8').read()
    bs = [b.strip() for b in re.split(r'\n\s*\n', t) if b.strip()]
    body, notes, started = [], [], False
    for b in bs:
        if not started:
            started = b.rstrip().endswith('*The General Assembly,*')
            continue
        if re.match(r'^[¹²³⁴⁵⁶⁷⁸⁹]', b):
            notes.append(b)
            continue
        # a paragraph split by a page break is one paragraph on the web
        if body and not re.search(r'[,;.:*][¹²³⁴⁵⁶⁷⁸⁹⁰]*$', body[-1]) and re.match(r'^[a-z0-9]', b):
            body[-1] += ' ' + b
            continue
        body.append(b)
    return body, notes

def inline(s, link_notes):
    s = html.escape(s, quote=False)
    s = s.replace('“', '&ldquo;').replace('”', '&rdquo;').replace('’', '&rsquo;').replace('–', '&ndash;') if link_notes else s
    b, i = ('b', 'i') if link_notes else ('B', 'I')
    s = re.sub(r'\*\*(.+?)\*\*', r'<%s>\1</%s>' % (b, b), s)
    s = re.sub(r'\*(.+?)\*', r'<%s>\1</%s>' % (i, i), s)
    def sup(m):
        n = ''.join(SUP[c] for c in m.group(0))
        return '<sup><a href="#fn%s" id="ref%s">%s</a></sup>' % (n, n, n) if link_notes else '<SUP>%s</SUP>' % n
    return re.sub(r'[¹²³⁴⁵⁶⁷⁸⁹⁰]+', sup, s)

def modern():
    body, notes = blocks_of('../resolutions/A-RES-73-7.txt')
    paras = []
    for b in body:
        if b.startswith('*') and 'meeting' in b:
            l1, l2 = b.strip('*').split('\n')
            paras.append('<p class="meeting"><em>%s<br>%s</em></p>' % (l1, l2))
            continue
        b = b.replace('\n', ' ')
        m = re.match(r'^(\d+)\. (.*)$', b)
        if m:
            paras.append('<p class="op"><span class="num">%s.</span>&nbsp;%s</p>' % (m.group(1), inline(m.group(2), True)))
        else:
            paras.append('<p>%s</p>' % inline(b, True))
    fns = []
    for n in notes:
        num = SUP[n[0]]
        fns.append('<p id="fn%s" class="footnote"><sup>%s</sup> %s <a href="#ref%s" aria-label="Back to text">&#8617;</a></p>' % (num, num, inline(n[2:], True), num))
    return '''<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A/RES/73/7 | Report of the International Criminal Court | United Nations</title>
<link rel="stylesheet" href="/themes/custom/un/css/style.css">
<style>
  body { font-family: Roboto, Arial, sans-serif; }
  .op .num { display: inline-block; width: 2em; }
  p.footnote { font-size: smaller; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date()); gtag('config', 'G-UNDOCS');
</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Legislation", "legislationIdentifier": "A/RES/73/7", "name": "Report of the International Criminal Court"}</script>
</head>
<body class="page-document">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div id="cookie-banner" hidden><p>This site uses cookies. <button>Accept</button></p></div>
<header role="banner" class="site-header">
  <div class="site-name"><a href="/en/">United Nations</a> <span>Peace, dignity and equality on a healthy planet</span></div>
  <nav aria-label="Main">
    <ul><li><a href="/en/about-us">About Us</a></li><li><a href="/en/our-work">Our Work</a></li><li><a href="/en/documents">Documents</a></li><li><a href="/en/news">News and Media</a></li></ul>
  </nav>
  <form role="search" action="/en/search"><label for="q">Search</label><input id="q" name="q" type="search"><button type="submit">Search</button></form>
  <ul class="languages"><li lang="ar">العربية</li><li lang="zh">中文</li><li lang="en">English</li><li lang="fr">Français</li><li lang="ru">Русский</li><li lang="es">Español</li></ul>
</header>
<main id="main-content" role="main">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/en/">Home</a></li><li><a href="/en/documents">Documents</a></li><li>A/RES/73/7</li></ol></nav>
<article class="document">
<header class="document-header">
<div class="symbol">A/RES/73/7</div>
<div class="body">General Assembly</div>
<div class="session"><b>Seventy-third session</b></div>
<div class="agenda">Agenda item 77</div>
</header>
<div class="adoption"><strong>Resolution adopted by the General Assembly on 29 October 2018</strong></div>
<div class="reference">[<i>without reference to a Main Committee (A/73/L.8 and A/73/L.8/Add.1)</i>]</div>
<h1>73/7. Report of the International Criminal Court</h1>
<noscript><p>Please enable JavaScript to download this document in other formats.</p></noscript>
<div class="share" style="display: none">Share this page: Facebook, X, E-mail</div>
<script>document.querySelectorAll('.op').forEach(function (p) { p.dataset.ready = "1. Decides"; });</script>
<template id="print"><p>1. Print version</p></template>
<div class="text">
<p><i>The General Assembly,</i></p>
''' + '\n'.join(paras) + '''
</div>
<section class="footnotes" aria-label="Footnotes">
<hr>
''' + '\n'.join(fns) + '''
</section>
</article>
</main>
<footer role="contentinfo" class="site-footer">
<ul><li><a href="/en/about-us/copyright">Copyright</a></li><li><a href="/en/about-us/fraud-alert">Fraud Alert</a></li><li><a href="/en/about-us/privacy-notice">Privacy Notice</a></li><li><a href="/en/about-us/terms-of-use">Terms of Use</a></li></ul>
</footer>
<script src="/core/misc/drupal.js"></script>
</body>
</html>
'''

def old():
    body, notes = blocks_of('../resolutions/A-RES-73-8.txt')
    pre, ops, after = [], [], []
    for b in body:
        if b.startswith('*') and 'meeting' in b:
            l1, l2 = b.strip('*').split('\n')
            after.append('<I>%s<BR>%s</I>' % (l1, l2))
            continue
        b = b.replace('\n', ' ')
        m = re.match(r'^(\d+)\. (.*)$', b)
        if m:
            ops.append('<LI>%s' % inline(m.group(2), False))
        elif ops:
            after.append(inline(b, False))
        else:
            pre.append(inline(b, False))
    fns = ['<P><FONT SIZE=2><SUP>%s</SUP> %s</FONT></P>' % (SUP[n[0]], inline(n[2:], False)) for n in notes]
    return '''<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">
<TITLE>A/RES/73/8</TITLE>
<SCRIPT LANGUAGE="JavaScript">
<!--
function printPage() { window.print(); }
//-->
</SCRIPT>
<STYLE TYPE="text/css">
<!--
BODY { font-family: "Times New Roman"; }
-->
</STYLE>
</HEAD>
<BODY BGCOLOR="#FFFFFF">
<TABLE WIDTH="100%" BORDER=0><TR><TD ALIGN=LEFT>United Nations</TD><TD ALIGN=RIGHT>A/RES/73/8</TD></TR></TABLE>
<HR>
<P><B>General Assembly</B><BR>
<B>Seventy-third session</B><BR>
Agenda item 43</P>
<P><B>Resolution adopted by the General Assembly on 1 November 2018</B></P>
<P>[<I>without reference to a Main Committee (A/73/L.3)</I>]</P>
<P ALIGN=CENTER><B>73/8. Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba</B></P>
<FONT FACE="Times New Roman">
<I>The General Assembly,</I><BR><BR>
''' + '<BR><BR>\n'.join(pre) + '''<BR><BR>
<OL>
''' + '\n'.join(ops) + '''
</OL>
''' + '\n'.join(after) + '''
</FONT>
<HR>
''' + '\n'.join(fns) + '''
</BODY>
</HTML>
'''

open('A-RES-73-7.html', 'w', encoding='utf-8').write(modern())
open('A-RES-73-8-windows-1252.html', 'w', encoding='cp1252').write(old())
