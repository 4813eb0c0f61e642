// Looks once at the page for a verdict about the profile of the handle whose key is arguments[0].
// Returns {verdict, detail, handle, picture} when the page has decided, otherwise what is known so far:
// {profileShown, handle, otherHandle, onProfilePath, errorShown, pageUrl, headBlocks, ogUrl, ogImage},
// where handle is the requested account's spelling in the app's name block and otherHandle the account the name
// block names instead; the rest is what the <head> (JSON-LD, Open Graph) says, as written, for the caller to read
// by the domain's rule (PageHead). The owner's picture is an absolute http(s) URL, or the page's own text
// (shortened) when it is not, so that the caller can tell junk from nothing. Runs every 10 ms inside the page
// while a look waits, so it stays cheap.
const key = arguments[0];
const squash = (element) => (element && element.textContent ? element.textContent : '')
    .replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
// An http(s) URL made absolute; anything else as written (javascript:, data:, junk), shortened; null if empty.
const resolved = (url) => {
  const raw = (url || '').trim();
  if (!raw) {
    return null;
  }
  try {
    const absolute = new URL(raw, location.href);
    if (/^https?:$/.test(absolute.protocol)) {
      return absolute.href;
    }
  } catch (e) {
    // not a URL at all: returned as written
  }
  return raw.length > 300 ? raw.substring(0, 300) + '…' : raw;
};

if (location.protocol === 'chrome-error:') {
  const code = squash(document.querySelector('.error-code')) || 'the browser could not load the page';
  const http = /HTTP ERROR (\d{3})/.exec(code);
  return http ? {verdict: 'http-status', detail: http[1]} : {verdict: 'unreachable', detail: code};
}
if (/^\/i\/flow\/login(\/|$)/.test(location.pathname)) {
  return {verdict: 'login', detail: location.pathname};
}
const navigation = performance.getEntriesByType('navigation')[0];
const status = navigation && navigation.responseStatus ? navigation.responseStatus : 0;
if (status === 403 || status === 429 || status >= 500) {
  return {verdict: 'http-status', detail: String(status)};
}

for (const block of document.querySelectorAll('[data-testid="emptyState"]')) {
  const text = squash(block);
  if (text.includes("This account doesn't exist")) {
    return {verdict: 'missing', detail: text};
  }
  if (text.includes('Account suspended')) {
    return {verdict: 'suspended', detail: text};
  }
}

// The avatar's picture: its image's src, whatever it is (an empty one is not there yet), else a painted background.
const pictureIn = (element) => {
  const image = element.querySelector('img[src]');
  const source = image && resolved(image.getAttribute('src'));
  if (source) {
    return source;
  }
  for (const painted of element.querySelectorAll('[style*="background-image"]')) {
    const match = /url\(["']?([^"')]+)["']?\)/.exec(painted.style.backgroundImage);
    const url = match && resolved(match[1]);
    if (url) {
      return url;
    }
  }
  return null;
};

// Only the profile's own column, and only links and containers naming the requested account:
// other people's avatars (posts, "Who to follow", hover cards) are often earlier in the document.
const column = document.querySelector('[data-testid="primaryColumn"]');
if (column) {
  for (const link of column.querySelectorAll('a[href$="/photo"]')) {
    let path;
    try {
      path = new URL(link.getAttribute('href'), location.href).pathname;
    } catch (e) {
      continue;
    }
    const match = /^\/([A-Za-z0-9_]{1,15})\/photo$/.exec(path);
    if (match && match[1].toLowerCase() === key) {
      const picture = pictureIn(link);
      if (picture) {
        return {verdict: 'owner', handle: match[1], picture: picture};
      }
    }
  }
  // A default avatar is not linked to a photo view, so its container is the header's only trace; the
  // owner's own posts carry the same container (smaller picture), and are not the header.
  const prefix = 'UserAvatar-Container-';
  for (const container of column.querySelectorAll('[data-testid^="' + prefix + '"]')) {
    const handle = container.getAttribute('data-testid').substring(prefix.length);
    if (handle.toLowerCase() === key && !container.closest('article, [data-testid="tweet"], [data-testid="UserCell"]')) {
      const picture = pictureIn(container);
      if (picture) {
        return {verdict: 'owner', handle: handle, picture: picture};
      }
    }
  }
}

const result = {profileShown: false, handle: null, otherHandle: null, onProfilePath: false, errorShown: false,
  pageUrl: null, headBlocks: [], ogUrl: null, ogImage: null};
const nameBlock = (column || document).querySelector('[data-testid="UserName"]');
if (nameBlock) {
  result.profileShown = true;
  // A display name may itself contain "@someone", so another @handle only counts when the requested one is absent.
  for (const match of squash(nameBlock).matchAll(/@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/g)) {
    if (match[1].toLowerCase() === key) {
      result.handle = match[1];
      result.otherHandle = null;
      break;
    }
    if (result.otherHandle === null) {
      result.otherHandle = match[1];
    }
  }
}
// og:image describes the page it is on: after a redirect elsewhere it says nothing about this account.
result.onProfilePath = location.pathname.replace(/\/+$/, '').toLowerCase() === '/' + key;
result.errorShown = squash(document.body).includes('Something went wrong. Try reloading.');

// What the <head> says, as X renders it on its server, left for the domain's one rule to read: the ProfilePage blocks
// in JSON-LD (the handle is mainEntity.additionalName, the picture image.contentUrl), and the first og:url and
// og:image, all as written.
const head = document.head || document;
result.pageUrl = location.href;
result.headBlocks = [];
for (const script of head.querySelectorAll('script[type="application/ld+json"]')) {
  let data;
  try {
    data = JSON.parse(script.textContent);
  } catch (e) {
    continue;
  }
  const blocks = [].concat(data && data['@graph'] ? data['@graph'] : data);
  for (const block of blocks) {
    if (!block || ![].concat(block['@type']).includes('ProfilePage')) {
      continue;
    }
    const person = [].concat(block.mainEntity)[0];
    if (person && typeof person.additionalName === 'string') {
      const image = [].concat(person.image)[0];
      const picture = typeof image === 'string' ? image : (image && typeof image.contentUrl === 'string' ? image.contentUrl : null);
      result.headBlocks.push({account: person.additionalName, picture: picture});
    }
  }
}
// X writes property=; some pages write name=. The first non-empty one of each counts, as link previews take it.
const meta = (wanted) => {
  for (const tag of head.querySelectorAll('meta')) {
    const property = (tag.hasAttribute('property') ? tag.getAttribute('property') : (tag.getAttribute('name') || ''))
        .trim().toLowerCase();
    const content = (tag.getAttribute('content') || '').trim();
    if (property === wanted && content) {
      return content;
    }
  }
  return null;
};
result.ogUrl = meta('og:url');
result.ogImage = meta('og:image');
return result;
