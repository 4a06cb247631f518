/**
 * The page's Content-Security-Policy allows style elements only with the nonce the router put in
 * the page (no 'unsafe-inline'). Monaco and the dialog library insert <style> elements at run
 * time, so every style element created here carries that nonce.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const createElement: (tagName: string, options?: ElementCreationOptions) => HTMLElement = document.createElement.bind(document);

document.createElement = (tagName: string, options?: ElementCreationOptions) => {
  const element = createElement(tagName, options);
  if (nonce && tagName.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
  return element;
};
