// HighRisk web app: small enhancements on top of pages that work without script.
(function () {
    'use strict';

    // After a rejected post, move focus to the summary so that a screen reader announces it.
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
        summary.focus();
    }

    // A form sends once: a second tap while the first post is on its way would book or record twice.
    document.querySelectorAll('form[data-once]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.dataset.sent) {
                event.preventDefault();
                return;
            }
            form.dataset.sent = 'true';
            window.setTimeout(function () {
                form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
            }, 0);
        });
    });

    // A print button where script can print (the referral slip); without script the browser's own print command does.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () { window.print(); });
    });

    // Controls only needed without script (the "update the village list" button).
    document.querySelectorAll('[data-js-hide]').forEach(function (el) { el.hidden = true; });

    // Checklist filter: every word typed must appear in the item's text.
    document.querySelectorAll('input[data-filter]').forEach(function (input) {
        var list = document.getElementById(input.dataset.filter);
        input.addEventListener('input', function () {
            var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
            list.querySelectorAll('li').forEach(function (li) {
                var text = li.textContent.toLowerCase();
                li.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
            });
        });
    });

    // Township → its villages, from the divisions endpoint (the session cookie authenticates the call).
    document.querySelectorAll('select[data-villages]').forEach(function (township) {
        var villages = document.getElementById(township.dataset.villages);
        township.addEventListener('change', function () {
            var code = township.value;
            var only = villages.querySelector('option[data-township]');
            only.value = code;
            villages.querySelectorAll('option:not([data-township])').forEach(function (o) { o.remove(); });
            villages.value = code;
            if (!code) {
                return;
            }
            fetch('/api/divisions?parent=' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (items) {
                    items.forEach(function (item) {
                        var option = document.createElement('option');
                        option.value = item.code;
                        option.textContent = item.name;
                        villages.appendChild(option);
                    });
                });
        });
    });

    // Division choosers (city → county → township → village, the transfer form): a choice lists the next level from the
    // divisions endpoint and empties the levels after it.
    document.querySelectorAll('select[data-children]').forEach(function (parent) {
        parent.addEventListener('change', function () {
            var next = document.getElementById(parent.dataset.children);
            for (var level = next; level; level = document.getElementById(level.dataset.children || '')) {
                level.querySelectorAll('option:not([data-keep])').forEach(function (o) { o.remove(); });
                level.value = '';
            }
            var code = parent.value;
            if (!code || !next) {
                return;
            }
            fetch('/api/divisions?parent=' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (items) {
                    if (parent.value !== code) {
                        return; // chosen again meanwhile: that answer fills the list
                    }
                    items.forEach(function (item) {
                        var option = document.createElement('option');
                        option.value = item.code;
                        option.textContent = item.name;
                        next.appendChild(option);
                    });
                });
        });
    });

    // Fields shown only for one choice of a radio group (the delivery mode for a delivery).
    document.querySelectorAll('[data-show-when]').forEach(function (block) {
        var parts = block.dataset.showWhen.split('=');
        var radios = document.querySelectorAll('input[name="' + parts[0] + '"]');
        function update() {
            var chosen = document.querySelector('input[name="' + parts[0] + '"]:checked');
            block.hidden = !chosen || chosen.value !== parts[1];
            block.disabled = block.hidden; // a hidden fieldset's values are not sent
        }
        radios.forEach(function (r) { r.addEventListener('change', update); });
        update();
    });

    // The exam form's colour preview: what saving would produce, from POST /api/risk/evaluate — the grade, or the
    // findings saving would refuse — and the rows the values suggest (prompts), each ticked in the checklist by a click.
    var form = document.querySelector('form[data-evaluate]');
    if (form) {
        var preview = document.getElementById(form.dataset.preview);
        var labels = JSON.parse(preview.dataset.labels);
        var observations = JSON.parse(preview.dataset.observations);
        var english = document.documentElement.lang === 'en';
        var heading = preview.querySelector('h2');
        var problem = preview.querySelector('[data-problem]');
        var refused = preview.querySelector('[data-refused]');
        var prompts = preview.querySelector('[data-prompts]');
        var timer = null;
        var latest = 0;

        var badge = function (colour) {
            var span = document.createElement('span');
            span.className = 'badge badge-' + colour;
            span.textContent = labels[colour];
            return span;
        };

        var findingBox = function (id) {
            return form.querySelector('input[name="findings"][value="' + CSS.escape(id) + '"]');
        };

        var findingName = function (id) {
            var box = findingBox(id);
            var name = box && box.closest('label').querySelector('.factor');
            return name ? name.textContent : id;
        };

        var body = function () {
            var measurements = {};
            form.querySelectorAll('[name^="measurements."]').forEach(function (el) {
                var value = el.value.trim();
                if (!value) {
                    return;
                }
                var name = el.name.substring('measurements.'.length);
                if (el.dataset.kind === 'text') {
                    measurements[name] = value;
                } else {
                    var number = Number(value.replace(/[０-９．]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); }));
                    if (!isNaN(number)) {
                        measurements[name] = number;
                    }
                }
            });
            var checked = function (name) {
                return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (el) { return el.value; });
            };
            var date = form.querySelector('[name="examDate"]');
            return {
                pregnancyId: form.dataset.pregnancy,
                assessmentDate: date && /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? date.value : undefined,
                measurements: measurements,
                findings: checked('findings'),
                resolved: checked('resolve').map(function (id) { return { id: id, reason: '-' }; })
            };
        };

        // "谷丙转氨酶 150 U/L" for a prompt's value.
        var valueText = function (v) {
            var named = observations[v.observation] || [v.observation, v.unit || ''];
            return [named[0], v.value, named[1]].join(' ').trim();
        };

        var showPrompts = function (items) {
            var list = prompts.querySelector('ul');
            var hadFocus = prompts.contains(document.activeElement);
            list.replaceChildren.apply(list, items.map(function (p) {
                var li = document.createElement('li');
                var name = document.createElement('strong');
                name.textContent = english ? p.nameEn : p.nameZh;
                var values = document.createElement('div');
                values.textContent = p.values.map(valueText).join(english ? ', ' : '，');
                var why = document.createElement('p');
                why.className = 'why';
                why.textContent = english ? p.whyEn : p.whyZh;
                li.append(name, ' ', badge(p.colour), values, why);
                if (findingBox(p.id)) {
                    var code = document.createElement('button');
                    code.type = 'button';
                    code.dataset.code = p.id;
                    code.textContent = preview.dataset.codeLabel;
                    li.appendChild(code);
                }
                return li;
            }));
            prompts.hidden = items.length === 0;
            if (hadFocus) {
                heading.focus();
            }
        };

        var show = function (result) {
            var grade = preview.querySelector('[data-grade]');
            var factors = preview.querySelector('[data-factors]');
            grade.replaceChildren(badge(result.grade));
            if (result.purple) {
                grade.appendChild(badge('purple'));
            }
            factors.replaceChildren.apply(factors, result.factors.map(function (f) {
                var li = document.createElement('li');
                li.textContent = english ? f.nameEn : f.nameZh;
                return li;
            }));
            showPrompts(result.prompts || []);
            problem.hidden = true;
            refused.hidden = true;
            preview.classList.remove('stale');
        };

        // A 400 naming findings[i]: saving would refuse that finding (at this exam's date); say which, in the page's language.
        var showRefusal = function (sent, failure) {
            var errors = (failure && failure.errors) || {};
            var items = Object.keys(errors).map(function (key) {
                var match = /^findings\[(\d+)\]$/.exec(key);
                return match ? findingName(sent.findings[Number(match[1])]) + (english ? ': ' : '：') + preview.dataset.notNow : null;
            }).filter(Boolean);
            refused.querySelector('ul').replaceChildren.apply(refused.querySelector('ul'), items.map(function (text) {
                var li = document.createElement('li');
                li.textContent = text;
                return li;
            }));
            refused.hidden = items.length === 0;
            problem.hidden = items.length > 0;
            preview.classList.add('stale');
        };

        var evaluate = function () {
            var ticket = ++latest;
            var sent = body();
            fetch(form.dataset.evaluate, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(sent)
            }).then(function (r) {
                return r.ok ? r.json() : r.json().then(Promise.reject.bind(Promise), function () { return Promise.reject(null); });
            }).then(function (result) {
                if (ticket === latest) {
                    show(result);
                }
            }, function (failure) {
                if (ticket === latest) {
                    showRefusal(sent, failure);
                }
            });
        };

        var later = function () {
            window.clearTimeout(timer);
            preview.classList.add('stale');
            timer = window.setTimeout(evaluate, 500);
        };
        form.addEventListener('input', later);
        form.addEventListener('change', later);

        // One click codes a prompted row: it is ticked in the findings checklist, and the preview follows.
        prompts.addEventListener('click', function (event) {
            var code = event.target.closest('button[data-code]');
            var box = code && findingBox(code.dataset.code);
            if (!box) {
                return;
            }
            code.disabled = true;
            if (!box.checked) {
                box.checked = true;
                box.dispatchEvent(new Event('change', { bubbles: true }));
            }
        });

        // The stored values may already suggest a row (an ALT from an earlier exam): ask once on arrival.
        evaluate();
    }
}());
