// The dashboard's charts (ECharts, vendored in /lib/echarts): what every chart shares. Each chart type has its own small file
// (chart-bar.js, chart-line.js) that reads its figures from a data- attribute the server wrote, builds the ECharts option, and
// hands it here. No inline script or style: the page policy stays script-src 'self'; style-src 'self'.
(function () {
    'use strict';
    var charts = [];
    var chinese = (document.documentElement.lang || '').toLowerCase().indexOf('zh') === 0;

    // Text on a coloured bar: dark on light colours (the yellow light), white on dark ones, so that it keeps its contrast.
    function textOn(colour) {
        var m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour || '');
        if (!m) {
            return '#212529';
        }
        var l = (0.299 * parseInt(m[1], 16) + 0.587 * parseInt(m[2], 16) + 0.114 * parseInt(m[3], 16)) / 255;
        return l > 0.6 ? '#212529' : '#ffffff';
    }

    // Draws a chart into its container: SVG (every bar an element a test or a reader can reach), the Chinese labels on Chinese pages,
    // decal patterns so that no series is told by colour alone, and each value opening the link the server gave it. fit(width), when
    // given, returns what changes with the container's width (label widths, ticks); it is applied again whenever the box resizes.
    function draw(el, option, links, fit) {
        var chart = echarts.init(el, null, { renderer: 'svg', locale: chinese ? 'ZH' : 'EN' });
        option.aria = { enabled: true, decal: { show: true } };
        option.animation = false;
        option.textStyle = { fontFamily: 'system-ui, -apple-system, "Segoe UI", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif' };
        // HTML tooltips would carry inline styles, which the page policy refuses: the tooltip is drawn as chart text instead.
        option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
        chart.setOption(option);
        if (fit) {
            chart.setOption(fit(el.clientWidth));
        }
        chart.on('click', function (p) {
            var link = links && links[p.seriesIndex] && links[p.seriesIndex][p.dataIndex];
            if (link) {
                window.location.assign(link);
            }
        });
        charts.push(chart);
        // The chart follows its box (a phone turned, a column that wraps, the page printed), not only the window.
        if (window.ResizeObserver) {
            new ResizeObserver(function () {
                if (fit) {
                    chart.setOption(fit(el.clientWidth));
                }
                chart.resize();
            }).observe(el);
        }
        return chart;
    }

    function resizeAll() {
        charts.forEach(function (c) { c.resize(); });
    }

    var pending;
    window.addEventListener('resize', function () {
        clearTimeout(pending);
        pending = setTimeout(resizeAll, 100);
    });
    // On paper every data table is shown, and the charts take the page's width.
    window.addEventListener('beforeprint', function () {
        document.querySelectorAll('details.chart-table').forEach(function (d) { d.open = true; });
        resizeAll();
    });
    window.addEventListener('afterprint', resizeAll);

    window.RectCharts = {
        draw: draw,
        textOn: textOn,
        read: function (el, attribute) { return JSON.parse(el.getAttribute(attribute)); },
        chinese: chinese
    };
})();
