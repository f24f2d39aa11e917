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

    // The exam form's colour preview: what saving would produce, from POST /api/risk/evaluate.
    var form = document.querySelector('form[data-evaluate]');
    if (form) {
        var preview = document.getElementById(form.dataset.preview);
        var labels = JSON.parse(preview.dataset.labels);
        var english = document.documentElement.lang === 'en';
        var timer = null;
        var latest = 0;

        var badge = function (colour) {
            var span = document.createElement('span');
            span.className = 'badge badge-' + colour;
            span.textContent = labels[colour];
            return span;
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
            preview.querySelector('[data-problem]').hidden = true;
            preview.classList.remove('stale');
        };

        var evaluate = function () {
            var ticket = ++latest;
            fetch(form.dataset.evaluate, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(body())
            }).then(function (r) {
                return r.ok ? r.json() : Promise.reject(r.status);
            }).then(function (result) {
                if (ticket === latest) {
                    show(result);
                }
            }, function () {
                if (ticket === latest) {
                    preview.querySelector('[data-problem]').hidden = false;
                    preview.classList.add('stale');
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
    }
}());
