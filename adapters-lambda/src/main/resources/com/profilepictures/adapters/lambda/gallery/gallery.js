(function () {
  'use strict';

  // 24 pictures a page: with the page itself and /users that is 26 requests, inside the API's default
  // burst of 40, and the grid's pictures load lazily as the page scrolls.
  var PAGE_SIZE = 24;
  var HISTORY_PAGE_SIZE = 12;
  var HANDLE = /^[A-Za-z0-9_]{1,15}$/;

  // The page is the API's root: "/" locally, "/{stage}/" (or "/{stage}") behind API Gateway. Every
  // call is relative to it, so the page works wherever the API is mounted.
  var base = location.pathname.slice(-1) === '/' ? location.pathname : location.pathname + '/';

  // A message for a person for every error code of the contract. `typed` is what the person typed,
  // repeated so that they can see what was asked; `wait` says when to try again (from Retry-After).
  var MESSAGES = {
    invalid_json: function () { return 'The service could not read this page\'s request. Reload the page and try again.'; },
    invalid_handle: function (typed) { return '“' + typed + '” is not an X handle. A handle is 1 to 15 letters, digits or underscores, like jack.'; },
    invalid_cursor: function () { return 'The list of accounts could not be continued. Reload the page to start from the beginning.'; },
    invalid_limit: function () { return 'The page asked for a page size the service does not allow. Reload the page.'; },
    user_not_found: function (typed) { return 'No picture of “' + typed + '” is stored yet. Scrape it with the form above.'; },
    account_not_found: function (typed) { return 'X says there is no account “' + typed + '”. Check the spelling and try again.'; },
    route_not_found: function () { return 'The service does not offer what this page asked for; the page may be out of date. Reload it.'; },
    account_suspended: function (typed) { return 'X has suspended “' + typed + '”. Suspensions can be lifted: try again another day.'; },
    payload_too_large: function () { return 'That was too much text to send. Type just the handle.'; },
    rate_limited: function (typed, wait) { return 'The service is answering too many requests just now. Try again ' + wait + '.'; },
    upstream_blocked: function (typed) { return 'X would not show the profile of “' + typed + '” just now (a login wall, a rate limit or an error page). Try again in a few minutes.'; },
    upstream_unreachable: function (typed) { return 'X could not be reached to read “' + typed + '”. Try again in a few minutes.'; },
    upstream_mismatch: function (typed) { return 'Asked for “' + typed + '”, X answered with another account\'s profile, so nothing was stored. Try again later.'; },
    invalid_picture_url: function (typed) { return 'The picture X showed for “' + typed + '” is not on X\'s picture servers, so it was not stored.'; },
    scraper_unavailable: function (typed, wait) { return 'The browser that reads X could not be started for “' + typed + '”. Try again ' + wait + '.'; },
    credentials_refused: function (typed, wait) { return 'X\'s API refused this service\'s credentials, so “' + typed + '” could not be read. Whoever runs the service must fix its X API token. Try again ' + wait + '.'; },
    storage_unavailable: function (typed, wait) { return 'The service\'s storage did not answer in time. Try again ' + wait + '.'; },
    upstream_timeout: function (typed) { return 'X took too long to show “' + typed + '”. Try again in a minute.'; },
    internal_error: function (typed, wait, requestId) { return 'Something went wrong inside the service. If it keeps happening, report request ' + requestId + '.'; },
    image_not_archived: function (typed) { return 'No archived copy of that picture of “' + typed + '” exists yet.'; },
    invalid_version: function () { return 'That picture version is not one the service knows.'; }
  };

  function messageFor(failure, typed) {
    if (failure.status === 0) {
      return 'The service could not be reached. Check your connection and try again.';
    }
    var message = Object.prototype.hasOwnProperty.call(MESSAGES, failure.code) ? MESSAGES[failure.code] : null;
    if (!message) {
      return 'The service answered in a way this page does not understand (HTTP ' + failure.status + '). Try again later.';
    }
    return message(typed, retryWhen(failure.retryAfter), failure.requestId || 'unknown');
  }

  // Retry-After is seconds or an HTTP date.
  function retryWhen(retryAfter) {
    var seconds = NaN;
    if (retryAfter && /^\d+$/.test(retryAfter.trim())) {
      seconds = parseInt(retryAfter, 10);
    } else if (retryAfter) {
      seconds = Math.round((Date.parse(retryAfter) - Date.now()) / 1000);
    }
    if (isNaN(seconds)) {
      return 'in a few seconds';
    }
    if (seconds <= 1) {
      return 'in a second';
    }
    if (seconds < 120) {
      return 'in ' + seconds + ' seconds';
    }
    return 'in ' + Math.ceil(seconds / 60) + ' minutes';
  }

  function call(method, path, body) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(base + path, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (json) {
        if (response.ok && json) {
          return { ok: true, body: json };
        }
        var error = json && json.error ? json.error : {};
        return {
          ok: false,
          status: response.status,
          code: typeof error.code === 'string' ? error.code : '',
          requestId: typeof error.requestId === 'string' ? error.requestId : response.headers.get('X-Request-Id'),
          retryAfter: response.headers.get('Retry-After')
        };
      });
    }, function () {
      return { ok: false, status: 0, code: '' };
    });
  }

  // Everything from the API or the person goes in as text, never as markup.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function when(iso, prefix) {
    var line = el('span', 'when', prefix);
    var time = el('time');
    time.dateTime = iso;
    var date = new Date(iso);
    time.textContent = isNaN(date.getTime()) ? iso : date.toLocaleString();
    line.appendChild(time);
    return line;
  }

  function imageOf(user) {
    return typeof user.image === 'string' && user.image
        ? user.image
        : base + 'user/' + encodeURIComponent(user.handle) + '/profile_pic/image';
  }

  function placeholder(handle, label) {
    var holder = el('span', 'placeholder');
    holder.setAttribute('role', 'img');
    holder.setAttribute('aria-label', label);
    holder.appendChild(el('span', '', (handle.charAt(0) || '?').toUpperCase())).setAttribute('aria-hidden', 'true');
    return holder;
  }

  /*
   * A picture through the image route, or a placeholder while there is none: the route answers 404 until
   * the picture is archived, just after a scrape. A failed picture is swapped for the placeholder at once
   * (never a broken-image icon), and, when `retries` allows, tried again a little later and swapped back in.
   */
  function picture(src, alt, handle, missing, retries, lazy) {
    var holder = placeholder(handle, missing);
    if (!src) {
      return holder;
    }
    var img = el('img', 'avatar');
    img.alt = alt;
    img.width = 96;
    img.height = 96;
    img.decoding = 'async';
    if (lazy) {
      img.loading = 'lazy';
    }
    var attempts = 0;
    img.addEventListener('error', function () {
      if (img.isConnected) {
        img.replaceWith(holder);
      }
      if (attempts < retries) {
        attempts += 1;
        setTimeout(function () {
          img.loading = 'eager';
          img.removeAttribute('src');
          img.src = src;
        }, 1000 * attempts);
      }
    });
    img.addEventListener('load', function () {
      if (holder.isConnected) {
        holder.replaceWith(img);
      }
    });
    img.src = src;
    return img;
  }

  // What X said of an account that is no longer there; its last picture stays shown.
  var ACCOUNT_GONE = { not_found: 'X no longer has this account', suspended: 'Suspended on X' };

  function accountFigure(user, retries, lazy) {
    var figure = el('figure');
    figure.appendChild(picture(imageOf(user), 'Profile picture of @' + user.handle, user.handle,
        'No archived picture of @' + user.handle + ' yet', retries, lazy));
    var caption = el('figcaption');
    caption.appendChild(el('span', 'handle', '@' + user.handle));
    if (user.scrapedAt) {
      caption.appendChild(when(user.scrapedAt, 'Picture since '));
    }
    if (user.checkedAt && user.checkedAt !== user.scrapedAt) {
      caption.appendChild(when(user.checkedAt, 'Checked '));
    }
    if (ACCOUNT_GONE[user.accountStatus]) {
      caption.appendChild(el('span', 'when', ACCOUNT_GONE[user.accountStatus]));
    }
    figure.appendChild(caption);
    return figure;
  }

  function historyButton(handle) {
    var button = el('button', 'link', 'History');
    button.type = 'button';
    button.setAttribute('aria-label', 'History of @' + handle);
    button.addEventListener('click', function () { showHistory(handle, true); });
    return button;
  }

  // --- the grid of stored accounts -------------------------------------------------------------

  var grid = document.getElementById('gallery-grid');
  var gridStatus = document.getElementById('gallery-status');
  var more = document.getElementById('gallery-more');
  var nextKey = '';

  function card(user, retries) {
    var item = el('li', 'card');
    item.dataset.key = user.handle.toLowerCase();
    item.appendChild(accountFigure(user, retries, true));
    item.appendChild(historyButton(user.handle));
    return item;
  }

  function countLine() {
    var count = grid.children.length;
    gridStatus.textContent = count === 0
        ? 'No account is stored yet: scrape one with the form above.'
        : 'Showing ' + count + (count === 1 ? ' stored account' : ' stored accounts') + (nextKey ? '; there are more.' : '.');
  }

  function loadPage() {
    more.disabled = true;
    var query = 'users?limit=' + PAGE_SIZE + (nextKey ? '&lastKey=' + encodeURIComponent(nextKey) : '');
    return call('GET', query).then(function (reply) {
      more.disabled = false;
      if (!reply.ok) {
        gridStatus.textContent = '';
        gridStatus.appendChild(el('span', 'error', messageFor(reply, '')));
        return;
      }
      reply.body.users.forEach(function (user) {
        if (!grid.querySelector('[data-key="' + CSS.escape(user.handle.toLowerCase()) + '"]')) {
          // A picture scraped moments ago may not be archived yet: it is tried again a few times.
          grid.appendChild(card(user, user.archived === false ? 3 : 0));
        }
      });
      nextKey = reply.body.lastKey || '';
      more.hidden = !nextKey;
      countLine();
    });
  }

  // A freshly scraped account goes first, replacing its older card.
  function putFirst(user) {
    var old = grid.querySelector('[data-key="' + CSS.escape(user.handle.toLowerCase()) + '"]');
    if (old) {
      old.remove();
    }
    grid.insertBefore(card(user, 5), grid.firstChild);
    countLine();
  }

  more.addEventListener('click', loadPage);

  // --- scrape -----------------------------------------------------------------------------------

  function typedHandle(input) {
    return input.value.trim().replace(/^@/, '');
  }

  function showError(target, text) {
    target.textContent = '';
    var message = el('p', 'error', text);
    message.setAttribute('role', 'alert');
    target.appendChild(message);
  }

  var scrapeForm = document.getElementById('scrape-form');
  var scrapeInput = document.getElementById('scrape-handle');
  var scrapeButton = document.getElementById('scrape-button');
  var scrapeResult = document.getElementById('scrape-result');
  var scrapes = 0;

  scrapeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var typed = typedHandle(scrapeInput);
    var mine = ++scrapes;
    scrapeButton.disabled = true;
    scrapeForm.setAttribute('aria-busy', 'true');
    scrapeResult.textContent = '';
    scrapeResult.appendChild(el('p', 'status', 'Reading “' + typed + '” on X…'));
    call('POST', 'scrape', { handle: typed }).then(function (reply) {
      if (mine !== scrapes) {
        return;
      }
      scrapeButton.disabled = false;
      scrapeForm.removeAttribute('aria-busy');
      if (!reply.ok) {
        showError(scrapeResult, messageFor(reply, typed));
        return;
      }
      var user = reply.body;
      scrapeResult.textContent = '';
      var found = el('div', 'found');
      found.appendChild(el('p', 'status', 'Stored the current picture of @' + user.handle + '.'));
      found.appendChild(accountFigure(user, 5, false));
      scrapeResult.appendChild(found);
      putFirst(user);
    });
  });

  // --- look up ----------------------------------------------------------------------------------

  var lookupForm = document.getElementById('lookup-form');
  var lookupInput = document.getElementById('lookup-handle');
  var lookupResult = document.getElementById('lookup-result');
  var lookups = 0;

  lookupForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var typed = typedHandle(lookupInput);
    var mine = ++lookups;
    // The handle goes into the path, so only a well-formed one is sent.
    if (!HANDLE.test(typed)) {
      showError(lookupResult, MESSAGES.invalid_handle(typed));
      return;
    }
    lookupResult.textContent = '';
    lookupResult.appendChild(el('p', 'status', 'Looking up “' + typed + '”…'));
    call('GET', 'user/' + encodeURIComponent(typed) + '/profile_pic').then(function (reply) {
      if (mine !== lookups) {
        return;
      }
      if (!reply.ok) {
        showError(lookupResult, messageFor(reply, typed));
        return;
      }
      lookupResult.textContent = '';
      var found = el('div', 'found');
      found.appendChild(accountFigure(reply.body, 3, false));
      lookupResult.appendChild(found);
      showHistory(reply.body.handle, false);
    });
  });

  // --- history ----------------------------------------------------------------------------------

  var history = document.getElementById('history');
  var historyTitle = document.getElementById('history-title');
  var historyStatus = document.getElementById('history-status');
  var strip = document.getElementById('history-strip');
  var older = document.getElementById('history-more');
  var historyHandle = '';
  var historyKey = '';
  var histories = 0;

  function historyEntry(handle, entry) {
    var item = el('li');
    var figure = el('figure');
    var first = new Date(entry.firstSeenAt);
    var seen = isNaN(first.getTime()) ? entry.firstSeenAt : first.toLocaleDateString();
    figure.appendChild(picture(typeof entry.image === 'string' ? entry.image : null,
        '@' + handle + '\'s picture first seen ' + seen, handle,
        'No archived copy of @' + handle + '\'s picture first seen ' + seen, 0, true));
    var caption = el('figcaption');
    caption.appendChild(when(entry.firstSeenAt, 'First seen '));
    caption.appendChild(when(entry.lastSeenAt, 'Last seen '));
    figure.appendChild(caption);
    item.appendChild(figure);
    return item;
  }

  function loadHistory() {
    var mine = histories;
    var handle = historyHandle;
    older.disabled = true;
    var query = 'user/' + encodeURIComponent(handle) + '/history?limit=' + HISTORY_PAGE_SIZE
        + (historyKey ? '&lastKey=' + encodeURIComponent(historyKey) : '');
    return call('GET', query).then(function (reply) {
      if (mine !== histories) {
        return;
      }
      older.disabled = false;
      if (!reply.ok) {
        historyStatus.textContent = '';
        historyStatus.appendChild(el('span', 'error', messageFor(reply, handle)));
        older.hidden = true;
        return;
      }
      reply.body.pictures.forEach(function (entry) {
        strip.appendChild(historyEntry(reply.body.handle || handle, entry));
      });
      historyKey = reply.body.lastKey || '';
      older.hidden = !historyKey;
      var count = strip.children.length;
      historyStatus.textContent = count === 0
          ? 'No picture of @' + handle + ' has been recorded yet; the next scrape starts its history.'
          : count + (count === 1 ? ' picture' : ' pictures') + ', newest first.';
    });
  }

  function showHistory(handle, moveFocus) {
    histories += 1;
    historyHandle = handle;
    historyKey = '';
    strip.textContent = '';
    older.hidden = true;
    history.hidden = false;
    historyTitle.textContent = 'History of @' + handle;
    historyStatus.textContent = 'Loading…';
    if (moveFocus) {
      historyTitle.focus();
    }
    return loadHistory();
  }

  older.addEventListener('click', loadHistory);

  loadPage();
}());
