// The standalone page: the <speech-lens> element (the one view) in a page layout. This file only
// keeps the page's language in the URL and its header in step, and lets a file dropped anywhere
// on the page open in the element.
import { say } from './widget/speech-lens.js';

const lens = document.getElementById('lens');
const button = document.getElementById('lang');

function setLang(lang) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  lens.setAttribute('lang', lang);
  document.title = say(lang, 'pageTitle');
  for (const el of document.querySelectorAll('[data-word]')) el.textContent = say(lang, el.dataset.word);
  button.textContent = say(lang, 'switchLang');
  button.lang = lang === 'en' ? 'zh-CN' : 'en';
  button.setAttribute('aria-label', say(lang, 'switchLangLabel'));
  // The language is part of the address: a reload or a shared link opens in it.
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
}

button.addEventListener('click', () => setLang(lens.getAttribute('lang') === 'en' ? 'zh' : 'en'));
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!event.dataTransfer?.files.length) return;
  event.preventDefault();
  lens.openFiles([...event.dataTransfer.files]);
});
setLang(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
