// Bar charts of the dashboard: elements with data-chart-bar='{"horizontal","stacked","percent","categories","series":[{"name","data",
// "colour","colours","links"}]}'. Every bar shows its value as a label; a stacked bar leaves empty segments unlabelled.
(function () {
    'use strict';
    document.querySelectorAll('[data-chart-bar]').forEach(function (el) {
        var spec = RectCharts.read(el, 'data-chart-bar');
        var horizontal = spec.horizontal === true;
        var percent = spec.percent === true;
        var stacked = spec.stacked === true;
        var legend = spec.series.length > 1;
        if (horizontal) {
            // One row per unit: the chart grows with its categories instead of squeezing them.
            el.style.height = Math.max(180, spec.categories.length * 30 + (legend ? 70 : 40)) + 'px';
        }
        var categoryAxis = {
            type: 'category',
            data: spec.categories,
            inverse: horizontal,
            axisTick: { alignWithLabel: true },
            axisLabel: { interval: 0, width: horizontal ? 150 : 90, overflow: horizontal ? 'truncate' : 'break', hideOverlap: false }
        };
        // A rate axis runs to 100% when a rate passes half of it; small rates (the reopen rate) get an axis of their own size.
        var largest = Math.max.apply(null, spec.series.map(function (s) { return Math.max.apply(null, s.data.concat([0])); }));
        var valueAxis = {
            type: 'value',
            max: percent && largest > 50 ? 100 : null,
            minInterval: percent ? null : 1,
            axisLabel: { formatter: percent ? '{value}%' : '{value}' }
        };
        var option = {
            legend: legend ? { top: 0, type: 'scroll' } : undefined,
            grid: { left: 8, right: horizontal ? 56 : 16, top: legend ? 40 : 24, bottom: horizontal ? 8 : 24, containLabel: true },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: horizontal ? valueAxis : categoryAxis,
            yAxis: horizontal ? categoryAxis : valueAxis,
            series: spec.series.map(function (s) {
                return {
                    type: 'bar',
                    name: s.name,
                    stack: stacked ? 'all' : undefined,
                    barMaxWidth: 44,
                    itemStyle: s.colour ? { color: s.colour } : undefined,
                    data: s.colours ? s.data.map(function (v, i) { return { value: v, itemStyle: { color: s.colours[i] } }; }) : s.data,
                    label: {
                        show: true,
                        position: stacked ? 'inside' : (horizontal ? 'right' : 'top'),
                        color: stacked ? RectCharts.textOn(s.colour) : '#212529',
                        formatter: function (p) {
                            var v = Number(p.value);
                            if (stacked && v === 0) {
                                return '';
                            }
                            return percent ? v.toFixed(2) + '%' : String(v);
                        }
                    }
                };
            })
        };
        // On a phone the names take at most a third of a horizontal chart, each category label its own slot of a vertical one,
        // and the value axis fewer ticks.
        function fit(width) {
            var labels = {
                axisLabel: {
                    width: horizontal ? Math.min(150, Math.round(width * 0.33)) : Math.max(36, Math.floor((width - 60) / Math.max(1, spec.categories.length)) - 6)
                }
            };
            var values = { splitNumber: width < 500 ? 2 : 5 };
            return horizontal ? { xAxis: values, yAxis: labels } : { xAxis: labels, yAxis: values };
        }
        RectCharts.draw(el, option, spec.series.map(function (s) { return s.links || null; }), fit);
    });
})();
