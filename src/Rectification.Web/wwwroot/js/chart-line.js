// Line charts of the dashboard (the monthly trend): elements with data-chart-line='{"categories","series":[{"name","data","colour"}]}'.
// Each line has its own symbol and dash as well as its colour, and every point shows its value.
(function () {
    'use strict';
    var symbols = ['circle', 'rect', 'triangle', 'diamond'];
    var dashes = ['solid', 'dashed', 'dotted'];
    document.querySelectorAll('[data-chart-line]').forEach(function (el) {
        var spec = RectCharts.read(el, 'data-chart-line');
        var option = {
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', minInterval: 1 },
            series: spec.series.map(function (s, i) {
                return {
                    type: 'line',
                    name: s.name,
                    data: s.data,
                    symbol: symbols[i % symbols.length],
                    symbolSize: 8,
                    itemStyle: s.colour ? { color: s.colour } : undefined,
                    lineStyle: { width: 2, type: dashes[i % dashes.length] },
                    label: { show: true, position: 'top', formatter: function (p) { return Number(p.value) === 0 ? '' : String(p.value); } }
                };
            })
        };
        RectCharts.draw(el, option, null);
    });
})();
