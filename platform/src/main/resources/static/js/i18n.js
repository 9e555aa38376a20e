// Portal strings, zh-CN first. The chosen language is kept in localStorage so that every page
// of the portal (login, console) speaks the same one.
(function () {
  'use strict';

  const STRINGS = {
    'zh-CN': {
      appName: '安心 · 12349 接警台',
      loginTitle: '登录',
      username: '用户名',
      password: '密码',
      signIn: '登录',
      loginFailed: '用户名或密码错误',
      loggedOut: '已退出登录',
      logout: '退出',
      queue: '待处理警情',
      queueEmpty: '暂无待处理警情',
      live: '实时',
      reconnecting: '正在重连…',
      acknowledge: '确认接警',
      resolve: '处置完成',
      outcome: '处置结果',
      repeats: '重复触发',
      raisedAt: '报警时间',
      waiting: '已等待',
      device: '设备',
      noPosition: '无定位',
      mapUnavailable: '地图底图不可用，仍显示报警位置',
      actionFailed: '操作失败',
      type: {
        SOS: '一键呼救', FALL: '跌倒', LOW_BATTERY: '低电量', WATCH_REMOVED: '设备摘除',
        POWER_CUT: '断电', ALARM: '设备报警', OFFLINE: '设备离线', GEOFENCE_EXIT: '离开安全区',
        INACTIVITY: '长时间无活动'
      },
      status: {
        RAISED: '新警情', ACKNOWLEDGED: '已接警', DISPATCHED: '已派单',
        RESPONDER_ON_SCENE: '已到场', RESOLVED: '已处置', FALSE_ALARM: '误报', CANCELLED: '已取消'
      },
      outcomes: {
        HELPED_ON_SITE: '现场协助', TAKEN_TO_HOSPITAL: '送医', CALLED_120: '已呼叫 120',
        FALSE_ALARM: '误报', NO_ANSWER_VISIT: '无人接听，已上门'
      }
    },
    en: {
      appName: 'Anxin · 12349 alarm desk',
      loginTitle: 'Sign in',
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      loginFailed: 'Wrong username or password',
      loggedOut: 'You have signed out',
      logout: 'Sign out',
      queue: 'Open alarms',
      queueEmpty: 'No open alarms',
      live: 'Live',
      reconnecting: 'Reconnecting…',
      acknowledge: 'Acknowledge',
      resolve: 'Resolve',
      outcome: 'Outcome',
      repeats: 'Repeats',
      raisedAt: 'Raised',
      waiting: 'Waiting',
      device: 'Device',
      noPosition: 'No position',
      mapUnavailable: 'Map tiles unavailable; alarm positions still shown',
      actionFailed: 'Action failed',
      type: {
        SOS: 'SOS', FALL: 'Fall', LOW_BATTERY: 'Low battery', WATCH_REMOVED: 'Device removed',
        POWER_CUT: 'Power cut', ALARM: 'Device alarm', OFFLINE: 'Device offline',
        GEOFENCE_EXIT: 'Left safe zone', INACTIVITY: 'Inactivity'
      },
      status: {
        RAISED: 'New', ACKNOWLEDGED: 'Acknowledged', DISPATCHED: 'Dispatched',
        RESPONDER_ON_SCENE: 'On scene', RESOLVED: 'Resolved', FALSE_ALARM: 'False alarm',
        CANCELLED: 'Cancelled'
      },
      outcomes: {
        HELPED_ON_SITE: 'Helped on site', TAKEN_TO_HOSPITAL: 'Taken to hospital',
        CALLED_120: 'Called 120', FALSE_ALARM: 'False alarm', NO_ANSWER_VISIT: 'No answer, visited'
      }
    }
  };

  function lang() {
    const stored = window.localStorage.getItem('anxin.lang');
    return STRINGS[stored] ? stored : 'zh-CN';
  }

  function t(path) {
    const value = path.split('.').reduce((node, key) => (node == null ? node : node[key]), STRINGS[lang()]);
    return value == null ? path : value;
  }

  // Fills every element carrying data-i18n (text) or data-i18n-placeholder.
  function apply(root) {
    const scope = root || document;
    document.documentElement.lang = lang();
    scope.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
  }

  function setLang(value, onChange) {
    window.localStorage.setItem('anxin.lang', STRINGS[value] ? value : 'zh-CN');
    apply();
    if (onChange) onChange();
  }

  function bindSwitch(onChange) {
    document.querySelectorAll('[data-lang]').forEach((button) => {
      button.addEventListener('click', () => setLang(button.dataset.lang, onChange));
    });
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  window.Anxin = { t, apply, lang, setLang, bindSwitch, csrfToken };
})();
