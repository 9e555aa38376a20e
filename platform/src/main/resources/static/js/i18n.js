// Portal strings, zh-CN first. The chosen language is kept in localStorage so that every page
// of the portal (login, console) speaks the same one.
(function () {
  'use strict';

  const STRINGS = {
    'zh-CN': {
      visitPlans: {
        title: '定期巡访', new: '新建巡访计划', item: '服务项目', weekdays: '每周', time: '开始时间', window: '时段（分钟）',
        endsOn: '结束日期（可空）', notes: '备注', create: '创建并预约四周', none: '暂无巡访计划', stop: '停止计划',
        stopped: '已停止', active: '进行中', skip: '跳过某日', skipDate: '日期', created: '已创建，已预约未来四周',
        days: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
        statuses: { BOOKED: '已预约', FAILED: '未能预约', SKIPPED: '已跳过' },
      },
      careSchedules: {
        title: '主动关怀计划', frequency: '频次', daily: '每天', weekly: '每周一次', weeklyOn: '每{d}', day: '星期',
        from: '时段自', to: '至', create: '安排关怀来电', none: '未安排主动关怀来电', next: '下次来电',
        stop: '停止', stopped: '已停止', stoppedNotice: '关怀计划已停止', created: '已安排，届时系统将自动来电',
        suggest: '该老人独居或空巢，尚未安排主动关怀来电，建议安排。',
      },
      grading: {
        title: '服务机构评级', quarter: '季度', show: '查询', provider: '服务机构', grade: '等级', score: '得分',
        visits: '上门次数', onTime: '准时到达', verified: '核验通过', anomalies: '异常（次/单）', anomalyFree: '无异常',
        rating: '评分', complaints: '投诉', followUps: '回访满意度', trend: '趋势', trendOf: '评级趋势：',
        provisional: '本季未结束，暂定', flag: '需整改，派单靠后', noVisits: '无上门', none: '本季度没有可见的服务机构',
        weights: '评级权重（民政局设置）', weightsNow: '当前权重', saved: '已保存',
        weightsHelp: '各项权重为不小于 0 的数，合计大于 0；得分不低于 A 线为 A，依次 B、C，低于 C 线为 D（须 100 ≥ A > B > C ≥ 0）。',
        gradeA: 'A 线', gradeB: 'B 线', gradeC: 'C 线', save: '保存权重'
      },
      dashboard: {
        title: '养老服务数据看板', from: '起', to: '止', area: '区域', wholeArea: '我管辖的全部', show: '查询', csv: '下载 CSV',
        scope: '范围', wholeCity: '全市', period: '期间', list: '查看列表', deskOnly: '明细仅 12349 接警台可见',
        seniors: '在册老人', byCommunity: '按社区', byLiving: '按居住情况', none: '未登记',
        devices: '设备在线（当前）', online: '在线', registered: '已登记设备',
        alarms: '警情', byKind: '按类型', byOutcome: '按处置结果', open: '未结',
        answering: '接警时效', withinTarget: '{s} 秒内接警', target: '目标', median: '中位数', p90: '90 分位', seconds: '秒',
        emergency: '紧急救助到达（{m} 分钟圈内）', service: '上门服务到达（{m} 分钟圈内）', arrived: '到达',
        coverage: '紧急救助 {m} 分钟圈覆盖（当前）', homes: '位老人住处在圈内',
        services: '居家服务量（按类别）', booked: '预约', served: '已完成',
        subsidy: '补贴支出', spent: '已支出', allowance: '已发放额度', wallets: '补贴账户', minutes: '分钟',
        noBudget: '本节点在该期间的年度未设补贴预算：支出与已发放的额度对比。',
        chooseNode: '选择节点后可与其预算对比。', budget: '预算（按月分摊）', budgetSpent: '已用预算',
        budgetTitle: '年度补贴预算（全市民政局设定）', budgetYear: '年度', budgetNode: '节点',
        budgetAmount: '金额（元）', budgetSave: '保存预算', budgetSaved: '预算已保存',
        timeBank: '时间银行', earned: '志愿服务获得', spentHours: '兑换服务', donated: '转赠', hours: '小时', entries: '笔',
        assessments: '能力评估到期', assessed: '已评估老人', dueInPeriod: '期间内到期', overdue: '已逾期'
      },
      callReport: {
        title: '12349 话务报表', csv: '下载 CSV', calls: '来电与去电', inbound: '呼入', outbound: '呼出', queued: '进入排队',
        answered: '接通', abandoned: '放弃', abandonment: '放弃率', within20: '20 秒内接通', average: '平均接通（秒）',
        perHour: '按小时呼入', hour: '时段', tickets: '工单（类型·类别·状态）', status: '状态', count: '数量',
        referrals: '转介接收', referred: '已转介', acceptedCount: '已接收', late: '超时接收', overdueNow: '当前逾期',
        acceptMinutes: '平均接收用时（分钟）', evaluations: '满意度评价', averageScore: '平均分'
      },
      calls: {
        title: '12349 来电', queue: '来电队列', empty: '暂无来电', caller: '来电者', phone: '电话', address: '地址',
        openAlarms: '未结警情', openTickets: '未结工单', recentCalls: '近期通话', none: '无',
        newTicket: '通话中建工单', kind: '类型', category: '类别', provider: '被投诉的服务机构', noProvider: '（不针对机构）', due: '到期', summary: '内容',
        createTicket: '创建工单', ticketCreated: '已创建工单', myTickets: '我的工单', noTickets: '暂无工单',
        overdue: '逾期跟踪任务', careChecks: '主动关怀', byPhone: '12349 电话', take: '接听',
        care: { CALLING: '呼叫中', OK: '一切安好', RETRY: '未接，待重拨', NO_ANSWER: '未应答，已报警' }, takenBy: '已被接听：', notTaken: '尚未接听', callBack: '待回拨',
        calledBack: '已回拨', inMenu: '语音菜单中', onDuty: '值班中：来电会拨打您的电话', offDuty: '未上岗',
        refer: '转介', accept: '已接收', close: '办结', score: '记录评分',
        bookService: '预约上门服务', book: '预约', orderBooked: '已预约订单', order: '订单', alarm: '警情',
        raiseAlarm: '发起紧急警情',
        fields: {
          to: '转介给（机构）', by: '接收人', resolution: '答复 / 办理结果', score: '满意度 1–5',
          from: '上门开始', until: '上门结束', detail: '紧急情况说明'
        },
        choices: { EMERGENCY: '紧急求助', HOME_SERVICE: '上门服务', POLICY: '政策补贴', OPERATOR: '人工服务' },
        statuses: {
          IN_IVR: '语音菜单', QUEUED: '排队中', RINGING: '振铃中', ANSWERED: '通话中', COMPLETED: '已结束',
          MISSED: '未接通', FAILED: '失败'
        },
        kinds: { CONSULTATION: '咨询', REFERRAL: '转介', TRACKING: '跟踪', EVALUATION: '评估' },
        ticketStatuses: { OPEN: '处理中', REFERRED: '已转介', ACCEPTED: '已接收', CLOSED: '已办结', CANCELLED: '已取消' },
        sla: { ON_TIME: '未超时', OVERDUE: '已逾期', MET: '按时', MISSED: '超时' },
        categories: {
          POLICY: '政策', SUBSIDY: '补贴', SERVICE: '服务', HEALTH: '健康', COMPLAINT: '投诉', OTHER: '其他',
          PROVIDER: '服务商', COMMUNITY: '社区', HOSPITAL: '医院', AGENCY: '其他机构', CALL_BACK: '回电',
          VISIT: '上门探访', FOLLOW_UP: '后续跟进', SATISFACTION: '满意度'
        }
      },
      appName: '安心 · 12349 接警台',
      loginTitle: '登录',
      username: '用户名',
      password: '密码',
      signIn: '登录',
      loginFailed: '用户名或密码错误',
      loggedOut: '已退出登录',
      loginLocked: '登录失败次数过多，账号或地址已被暂时锁定。请稍后再试，或请管理员解锁。',
      sessionEnded: '密码已更改，会话已结束，请重新登录。',
      account: {
        title: '我的账号', change: '修改密码', current: '当前密码', next: '新密码（至少 8 位）', repeat: '再次输入新密码',
        mismatch: '两次输入的新密码不一致', changed: '密码已修改；您在其他设备上的会话已结束'
      },
      deviceGroups: {
        title: '设备分组（专网来源地址）', nav: '设备分组', name: '名称', networks: '允许的网络', devices: '设备数',
        networksOnePerLine: '允许的网络（CIDR，每行一个；留空：不限制）', create: '新建分组', edit: '修改', save: '保存',
        saved: '已保存；各网关对下一次登录立即生效', delete: '删除', deleteConfirm: '删除空分组“{name}”？', deleted: '分组已删除', members: '分组内设备', empty: '该分组暂无设备', none: '尚无设备分组',
        anywhere: '不限制', assign: '批量分配设备', target: '分到', noGroup: '（不属于任何分组）',
        deviceIds: '设备号（每行一个）', assignButton: '分配', assigned: '已分配 {n} 台设备', group: '设备分组',
        explain: '分组内的设备只能从所列网络（CIDR，IPv4 或 IPv6，如 10.20.0.0/16）登录网关，其他来源按密码错误拒绝；列表为空或设备不在任何分组：不限制。网关在负载均衡器后面时看到的是均衡器的地址（未实现 PROXY 协议）。'
      },
      audit: {
        title: '审计日志', actor: '操作人', action: '操作', objectType: '对象类型', objectId: '对象编号', from: '自',
        to: '至', search: '查询', csv: '下载 CSV', time: '时间', address: '地址', before: '修改前', after: '修改后',
        empty: '没有符合条件的记录', locked: '已锁定的账号', since: '锁定时间', unlock: '解锁', noLocked: '没有被锁定的账号',
        unlocked: '已解锁'
      },
      logout: '退出',
      sos: {
        title: '一键呼救',
        press: '呼救',
        hint: '按下后 5 秒内可以取消',
        sendingIn: '即将呼救，剩余秒数：',
        cancel: '取消',
        call12349: '也可以直接拨打 12349',
        noLink: '这个链接不完整。请向 12349 服务台索取您的专属呼救链接。',
        connection: {
          connecting: '正在连接服务台…', online: '已连接服务台', offline: '暂时连不上，恢复后会自动发送',
          refused: '这个链接已失效，请拨打 12349'
        },
        state: {
          countdown: '即将呼救。不需要帮助请点“取消”。', cancelled: '已取消，没有发出呼救。',
          sending: '正在发送呼救…', sent: '呼救已送达服务台，请保持电话畅通。',
          coming: '服务台已接警，救助人员正在赶来。'
        }
      },
      familyHealth: { title: '健康档案', hint: '灰色的项目只能由 12349 中心修改；每次修改都有记录。' },
      seniorSearch: { placeholder: '查找老人：姓名 / 拼音首字母 / 电话 / 身份证后四位 / 地址 / 社区', none: '没有找到' },
      seniorPage: {
        title: '老人档案', new: '登记新老人', record: '基本信息与健康档案', save: '保存', saved: '已保存', created: '已登记，请继续填写',
        none: '暂无', remove: '删除', showDoor: '查看（留痕）', doorHidden: '已设置（点“查看”后显示，会留痕）；在此输入则替换',
        f: { name: '姓名', phone: '电话', idCardLast4: '身份证后四位', birthDate: '出生日期', address: '住址',
          position: '位置（纬度, 经度）', community: '社区', livingSituation: '居住情况', healthNotes: '健康备注',
          chronicConditions: '慢性病', allergies: '过敏', familyDoctor: '家庭医生', clinic: '签约诊所', bloodType: '血型',
          doorNotes: '入户方式' },
        living: { LIVES_ALONE: '独居', EMPTY_NEST: '空巢', WITH_FAMILY: '与家人同住', IN_CARE_HOME: '住养老机构' },
        medicines: '用药与提醒', medicinesHint: '服药时间用空格分开（如 08:00 20:00，本市时间），到点短信提醒老人。',
        addMedicine: '添加药品', medicineName: '药名', dose: '剂量', times: '时间 08:00 20:00',
        reminders: '已发送的服药提醒', bySms: '短信', byWatch: '手表提醒', watchAck: '手表已确认', watchWaiting: '等待手表确认', watchMissed: '手表未接收',
        contacts: '紧急联系人（按呼叫顺序）', addContact: '添加联系人', contactName: '姓名', relation: '关系',
        devices: '设备', deviceId: '设备号', protocol: '协议', register: '登记设备', deviceRegistered: '设备已登记',
        secret: '密钥（只显示这一次）', secretWarning: '密钥只显示这一次：交给安装人员，扫码配置设备，不要转发。',
        watchPassword: '设置短信控制密码', watchPasswordSet: '新的短信控制密码（只显示这一次，手表确认后生效）',
        watchPasswordNote: '手表收到 PW 指令后，除中心号码外，用短信向手表发指令都要这个密码；它不验证手表与平台之间的连接。',
        protocols: { mqtt: 'MQTT 一键呼叫器', watch: '3G 定位手表', gt06: 'GT06 定位器', app: '手机一键呼救页' },
        online: '在线', offline: '离线',
        care: '关怀回访与来电', careChecks: '主动关怀', calls: '通话记录', pressed: '按键',
        vitals: '体征（7 天）', audit: '修改记录', before: '改前', after: '改后',
        kinds: { CONTACTS: '联系人', PROFILE: '档案', DOOR_NOTES_READ: '查看入户方式' }
      },
      sosLinks: {
        nav: '一键呼救链接',
        title: '老人手机一键呼救链接',
        senior: '老人',
        create: '生成新的呼救链接',
        rotate: '重新生成（旧链接失效）',
        print: '打印',
        existing: '已有的手机呼救设备',
        none: '暂无',
        cardTitle: '安心 · 一键呼救',
        cardText: '用手机扫描二维码，打开后把页面添加到主屏幕。遇到紧急情况按大红按钮。',
        secretWarning: '链接里含有这位老人的登录密钥：只交给老人本人，不要转发。',
        created: '已生成呼救链接'
      },
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
      dispatch: '手动派单',
      autoDispatch: '派最近的响应人',
      onScene: '已到场',
      falseAlarm: '误报',
      cancel: '取消',
      responderPrompt: '派给哪位响应人（姓名）？',
      callResultPrompt: '通话结果？',
      callSenior: '回拨老人',
      call: '拨打',
      addNote: '添加备注',
      notePlaceholder: '备注…',
      record: '老人档案',
      age: '年龄',
      health: '健康情况',
      medicines: '用药',
      allergies: '过敏',
      contacts: '紧急联系人',
      doorNotes: '入户说明',
      doorHidden: '警情已关闭，入户说明不再显示',
      devices: '设备',
      battery: '电量',
      lastSeen: '最后在线',
      timeline: '处置记录',
      notifications: '通知记录',
      escalated: '超时未接警，已通知值班长',
      reports: '接警时效报表',
      followUps: '服务回访',
      followUp: {
        title: '服务回访', status: '状态', open: '待回访', order: '工单', senior: '老人', phone: '电话 / 联系人',
        item: '服务项目', completed: '完成时间', worker: '服务人员', attempts: '未接通次数', result: '回访结果',
        claim: '认领', reached: '已接通', record: '记录结果', unreached: '未接通', empty: '暂无回访任务',
        statuses: { PENDING: '待认领', CLAIMED: '已认领', DONE: '已完成' }
      },
      from: '从',
      to: '到',
      show: '查询',
      count: '警情数',
      answered: '已接警',
      within60: '60 秒内接警',
      within180: '180 秒内接警',
      median: '中位数（秒）',
      p90: '90 分位（秒）',
      target: '目标',
      perOperator: '按接警员',
      perDay: '按日',
      operator: '接警员',
      day: '日期',
      total: '合计',
      console: '接警台',
      responderApp: '安心 · 响应端',
      goOnDuty: '上岗',
      goOffDuty: '下岗',
      offers: '待接任务',
      noOffers: '暂无任务',
      myJob: '当前任务',
      noJob: '暂无进行中的任务',
      accept: '接单',
      decline: '拒绝',
      arrived: '已到达',
      done: '完成',
      minutes: '分钟',
      answerBy: '请在此前答复',
      orderOffer: '上门急单',
      plans: '服务排班',
      plan: {
        title: '上门服务排班', date: '日期', make: '生成/重排计划', show: '查看', status: '状态', score: '得分',
        revision: '版本', solver: '求解耗时', moved: '变动的服务', madeBy: '制定人', none: '这一天还没有计划',
        constraints: '各约束得分', constraint: '约束', hard: '硬', medium: '中', soft: '软', matches: '次数',
        worker: '服务人员', stops: '服务', unplanned: '未排入的服务', sick: '请假（重排）', moveTo: '移到',
        position: '第几个', move: '移动并固定', pinned: '已固定', started: '已出发', late: '迟到',
        myDay: '今日路线', myDayNone: '今天没有排好的服务', arrive: '预计到达', start: '开始', window: '时间窗',
        arrival: '预计上门时间', seconds: '秒', minutes: '分钟',
        statuses: { SOLVING: '计算中', READY: '已完成', FAILED: '失败' }
      },
      visit: {
        title: '上门服务', none: '暂无上门服务', enRoute: '出发', arrive: '到达签到', start: '开始服务', checkOut: '签退',
        elsewhere: '在别处与老人会合', farReason: '在哪里与老人会合、为什么？（本次服务将标记为异常，核实后才结算）',
        declineReason: '拒绝这次上门服务？可填写原因：', checkedIn: '已签到，距老人家', meters: '米', checkedOut: '已签退，在场'
      },
      sharing: '正在共享位置',
      noGeolocation: '无法获取位置',
      coverage: '服务覆盖',
      locateNow: '立即定位',
      revokeDevice: '停用设备', revokeConfirm: '停用后该设备将被断开且无法再登录。确定停用', deviceRevoked: '已停用',
      kind: '类型',
      kinds: { emergency: '紧急救助（10 分钟圈）', service: '居家服务（15 分钟圈）' },
      skill: '技能',
      skillDefault: '默认（急救）',
      skills: {
        FIRST_AID: '急救', NURSING: '护理', MEAL: '助餐', BATHING: '助浴', CLEANING: '助洁',
        ESCORT: '助行', SHOPPING: '助购', DOCTOR_ESCORT: '助医'
      },
      coveredSummary: '可在圈内到达的老人',
      community: '社区',
      seniors: '老人数',
      covered: '可覆盖',
      share: '覆盖率',
      uncovered: '当前无人可及的老人',
      allCovered: '全部老人都在服务圈内',
      assessment: {
        agencies: '评估员所属机构', assessorUser: '评估员用户名', register: '登记',
        title: '老年人能力评估', seniorId: '老人编号', date: '评估日期', place: '评估地点', reason: '评估原因',
        reasons: { FIRST: '首次评估', ROUTINE: '常规评估', IMMEDIATE: '即时评估', REVIEW: '复评' },
        dimensions: { SELF_CARE: '自理能力', BASIC_MOBILITY: '基础运动能力', MENTAL_STATE: '精神状态',
          PERCEPTION_AND_SOCIAL: '感知觉与社会参与' },
        coma: '处于昏迷状态', mental: '确诊痴呆（F00–F03）或精神科诊断的其他精神和行为障碍（F04–F99）',
        riskEvents: '近 30 天照护风险事件次数（跌倒、噎食、自杀、自伤、走失等）',
        confirmedBy: '确认人', confirmers: { SENIOR: '老人本人', GUARDIAN: '监护人' }, confirmerName: '确认人姓名',
        total: '总分', submit: '提交评估', result: '评估结果', level: '能力等级', agency: '评估机构',
        dueOn: '下次评估', history: '评估记录', due: '待复评老人', senior: '老人', overdue: '（已逾期）',
        saved: '评估已保存', pickSenior: '请先选择老人'
      },
      subsidy: {
        birthDate: '更正出生日期', correct: '更正', areas: '行政区划（区—街道—社区）', areaCode: '编码', areaName: '名称',
        areaParent: '上级编码', level: '层级', addArea: '添加', levels: { DISTRICT: '区/县', STREET: '街道/乡镇', COMMUNITY: '社区/村' },
        evidence: '依据', assessed: '能力评估', dueOn: '复评', notAssessed: '无有效能力评估', age: '年龄',
        noBirthDate: '无出生日期', lapsed: '依据已失效，暂停补贴',
        title: '养老服务补贴',
        proposals: '补贴标准调整（待审批）',
        applications: '补贴资格申请（待审批）',
        holders: '享受补贴的老人',
        wallet: '老人补贴账户',
        category: '补贴类别',
        proposed: '拟定标准',
        inForce: '现行标准',
        by: '经办人',
        status: '状态',
        senior: '老人',
        seniorId: '老人编号',
        since: '起始',
        propose: '提交调整',
        apply: '提交申请',
        approve: '通过',
        reject: '驳回',
        reasonPrompt: '驳回理由？',
        yuanMonth: '元/月',
        hoursMonth: '小时/月',
        none: '未设定',
        perMonth: '每月',
        moneyLeft: '余额',
        minutesLeft: '剩余服务时长（分钟）',
        noWallet: '无补贴资格或标准',
        notOpened: '本月尚未使用',
        at: '时间',
        order: '服务单',
        kind: '类型',
        amount: '补贴金额',
        note: '说明',
        kinds: { CHARGE: '扣减', REFUND: '退回' },
        statuses: { PENDING_COMMUNITY: '待社区审核', PENDING_BUREAU: '待民政局审批', APPROVED: '已通过', REJECTED: '已驳回' }
      },
      duty: { AVAILABLE: '在岗', BUSY: '任务中', OFF: '下岗' },
      type: {
        SOS: '一键呼救', FALL: '跌倒', LOW_BATTERY: '低电量', WATCH_REMOVED: '设备摘除',
        POWER_CUT: '断电', ALARM: '设备报警', OFFLINE: '设备离线', GEOFENCE_EXIT: '离开安全区',
        INACTIVITY: '长时间无活动', VITALS_ABNORMAL: '生命体征异常', PHONE_SOS: '电话求助', CARE_CHECK: '主动关怀未应答'
      },
      status: {
        RAISED: '新警情', ACKNOWLEDGED: '已接警', DISPATCHED: '已派单',
        RESPONDER_ON_SCENE: '已到场', RESOLVED: '已处置', FALSE_ALARM: '误报', CANCELLED: '已取消'
      },
      outcomes: {
        HELPED_ON_SITE: '现场协助', TAKEN_TO_HOSPITAL: '送医', CALLED_120: '已呼叫 120',
        FAMILY_HANDLED: '家属处理', NO_ANSWER_VISIT: '无人接听，已上门', OTHER: '其他'
      },
      familyApp: '安心 · 家属服务',
      familyAlarms: {
        title: '报警', none: '目前没有未处理的报警', history: '历史报警', onMyWay: '我正在赶去', timeline: '处理经过',
        going: '正在赶去：', recorded: '已记录：您正在赶去，值班员已看到',
        actions: {
          RAISED: '报警', REPEAT: '再次触发', ACKNOWLEDGED: '值班员已接警', DISPATCHED: '已派人', RESPONDER_ON_SCENE: '已到场',
          RESOLVED: '已处置', FALSE_ALARM: '误报', CANCELLED: '已取消', ESCALATED: '升级给主管', FAMILY_NOTIFIED: '已通知家属',
          FAMILY_CALL: '致电家属', FAMILY_ACCEPTED: '家属正在赶去', FAMILY_GOING: '家属也在赶去', FAMILY_RESPONDED: '家属已接听',
          FAMILY_TOLD: '已短信告知家属', NOTE: '备注', CALL: '值班员电话', FAMILY_HELD: '免打扰中，稍后通知',
          FAMILY_SKIPPED: '按联系人选择未通知', FAMILY_NOT_NOTIFIED: '无紧急联系人', FAMILY_CALLS_EXHAUSTED: '家属均未接听'
        }
      },
      familyContacts: {
        title: '紧急联系人', hint: '报警时值班员按此顺序致电，排在最上面的先打', name: '姓名', relation: '关系', phone: '电话',
        up: '上移', remove: '删除', add: '添加联系人', save: '保存联系人', saved: '联系人已保存，值班台可见'
      },
      contactPrefs: {
        title: '报警怎样通知谁', none: '请先添加紧急联系人',
        hint: '每位联系人可选各类报警用电话、短信还是只在本页查看，以及自己的免打扰时段。危及人身安全的报警（一键呼救、跌倒、电话求助、生命体征异常）至少发短信，且任何时段都会来电，除非值班台允许该联系人只收短信。',
        channels: { CALL: '短信并来电', SMS: '只发短信', FEED: '只在本页查看' },
        ownQuiet: '自己的免打扰时段', cityQuiet: '未设置时使用本市免打扰时段', save: '保存',
        saved: '已保存通知方式：', deskAllows: '值班台已允许：紧急报警可只收短信',
        desk: '通知方式', callAlways: '紧急报警必来电', smsAllowed: '紧急报警可只收短信', allowSms: '允许只收短信',
        requireCall: '恢复必来电', quiet: '免打扰'
      },
      vitals: {
        title: '生命体征', none: '近 7 天没有体征数据', limits: '报警线',
        kinds: { HEART_RATE: '心率', SYSTOLIC: '收缩压', DIASTOLIC: '舒张压', SPO2: '血氧', TEMPERATURE: '体温', STEPS: '步数' }
      },
      familyHome: {
        title: '家人动态', empty: '您的账号尚未关联老人，请联系 12349',
        fixAt: '定位时间', source: '定位方式', position: '位置', device: '设备', battery: '电量', heartbeat: '最后心跳',
        online: '在线', offline: '离线', noDevice: '无设备', openAlarm: '未处理报警：',
        sources: { GPS: '卫星定位 GPS', LBS: '基站定位 LBS', WIFI: 'Wi-Fi 定位', NONE: '无定位' },
        trail: '轨迹', day: '日期', points: '个轨迹点', noTrail: '当天没有轨迹',
        zones: '安全区域', drawCircle: '画圆形区域', drawPolygon: '画多边形区域',
        circleHint: '点地图放置圆心，拖动中心移动，拖动边缘调整大小', polygonHint: '依次点地图放置各个顶点（至少 3 个），顶点可拖动',
        zoneName: '名称', activeFrom: '生效从', activeTo: '到', hoursHint: '不填为全天生效；可跨夜，如 20:00–07:00',
        saveZone: '保存区域', cancelZone: '取消', deleteZone: '删除', zoneSaved: '安全区域已保存',
        allHours: '全天', circle: '圆形', polygon: '多边形'
      },
      catalog: '服务目录',
      settlement: '月度结算',
      bookService: '预约上门服务',
      senior: '老人',
      item: '服务项目',
      date: '日期',
      notes: '备注',
      getQuote: '查看报价',
      price: '价格',
      subsidyShare: '补贴支付',
      ownShare: '自付',
      quoteNote: '说明',
      confirmBooking: '确认预约',
      booked: '已预约，订单号',
      myOrders: '我的订单',
      noOrders: '暂无订单',
      noSeniors: '您的账号尚未关联老人，请联系 12349',
      orderTimeline: '订单记录',
      cancelOrder: '取消预约',
      reschedule: '改期',
      confirmReschedule: '确认改期',
      rate: '评价',
      stars: '星级',
      comment: '评价内容',
      submitRating: '提交评价',
      worker: '服务人员',
      yuan: '元',
      orderStatus: {
        REQUESTED: '待派单', ASSIGNED: '已派单', ACCEPTED: '已接单', EN_ROUTE: '在路上', ARRIVED: '已到达',
        IN_SERVICE: '服务中', COMPLETED: '已完成', RATED: '已评价', CANCELLED: '已取消', NO_SHOW: '未上门'
      },
      orderAction: {
        REQUESTED: '预约', ASSIGNED: '派单', ACCEPTED: '接单', DECLINED: '拒单', EN_ROUTE: '出发',
        ARRIVED: '到达签到', IN_SERVICE: '开始服务', COMPLETED: '签退完成', RATED: '评价', CANCELLED: '取消',
        RESCHEDULED: '改期', REASSIGNED: '改派', NO_SHOW: '未上门', CLOSED_UNRATED: '超时未评价，自动关闭',
        FLAGGED: '异常标记', ANOMALY_CLEARED: '异常已核销'
      },
      name: '名称',
      nameEn: '英文名称',
      priceYuan: '价格（元）',
      durationMinutes: '标准时长（分钟）',
      active: '在售',
      providers: '提供机构',
      save: '保存',
      saved: '已保存',
      addItem: '新增服务项目',
      noItems: '暂无服务项目',
      category: '类别',
      add: '添加',
      providerItems: '机构提供的服务项目',
      provider: '服务机构',
      categories: {
        DAILY_LIVING: '生活照料', BASIC_CARE: '基础照护', HEALTH: '健康管理', VISITING: '探访关爱',
        COMPANIONSHIP: '精神慰藉', ERRANDS: '委托代办', HOME_ADAPTATION: '适老化改造'
      }
    },
    en: {
      visitPlans: {
        title: 'Scheduled visits', new: 'New visit plan', item: 'Service', weekdays: 'Every', time: 'Start time',
        window: 'Window (minutes)', endsOn: 'Ends on (optional)', notes: 'Notes', create: 'Create and book four weeks',
        none: 'No visit plans', stop: 'Stop plan', stopped: 'stopped', active: 'active', skip: 'Skip a date',
        skipDate: 'Date', created: 'Created; the next four weeks are booked',
        days: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
        statuses: { BOOKED: 'booked', FAILED: 'not booked', SKIPPED: 'skipped' },
      },
      careSchedules: {
        title: 'Proactive care calls', frequency: 'How often', daily: 'Every day', weekly: 'Once a week', weeklyOn: 'Every {d}',
        day: 'Day', from: 'Window from', to: 'to', create: 'Schedule care calls', none: 'No care calls scheduled',
        next: 'next call', stop: 'Stop', stopped: 'stopped', stoppedNotice: 'Care calls stopped',
        created: 'Scheduled; the line will call automatically',
        suggest: 'This senior lives alone or in an empty-nest home and has no care calls scheduled: consider scheduling them.',
      },
      grading: {
        title: 'Provider grading', quarter: 'Quarter', show: 'Show', provider: 'Provider', grade: 'Grade', score: 'Score',
        visits: 'Visits', onTime: 'On time', verified: 'Verified', anomalies: 'Anomalies (flags/visits)', anomalyFree: 'Anomaly-free',
        rating: 'Rating', complaints: 'Complaints', followUps: 'Follow-up satisfaction', trend: 'Trend', trendOf: 'Grade trend: ',
        provisional: 'provisional, quarter not over', flag: 'needs improvement, ranked last', noVisits: 'no visits',
        none: 'No provider to show for this quarter',
        weights: 'Grading weights (set by the bureau)', weightsNow: 'weights', saved: 'Saved',
        weightsHelp: 'Each weight is a number of at least 0, their sum above 0; a score at or above the A line is an A, then B and C; below the C line, D (100 ≥ A > B > C ≥ 0).',
        gradeA: 'A line', gradeB: 'B line', gradeC: 'C line', save: 'Save weights'
      },
      dashboard: {
        title: 'Care dashboard', from: 'From', to: 'To', area: 'Area', wholeArea: 'All I cover', show: 'Show', csv: 'Download CSV',
        scope: 'Scope', wholeCity: 'Whole city', period: 'Period', list: 'Open the list', deskOnly: 'Details only at the 12349 desk',
        seniors: 'Seniors enrolled', byCommunity: 'By community', byLiving: 'By living situation', none: 'Not recorded',
        devices: 'Devices online (now)', online: 'online', registered: 'devices registered',
        alarms: 'Alarms', byKind: 'By kind', byOutcome: 'By outcome', open: 'Open',
        answering: 'Answer times', withinTarget: 'Answered within {s} s', target: 'target', median: 'median', p90: 'p90', seconds: 's',
        emergency: 'Emergency arrivals (inside the {m}-minute circle)', service: 'Home-service arrivals (inside the {m}-minute circle)',
        arrived: 'arrived',
        coverage: 'Coverage of the {m}-minute emergency circle (now)', homes: 'seniors\' homes inside the circle',
        services: 'Home services by category', booked: 'Booked', served: 'Served',
        subsidy: 'Subsidy spend', spent: 'spent', allowance: 'allowance granted', wallets: 'wallets', minutes: 'min',
        noBudget: 'No subsidy budget is set for this node and the period\'s years: the spend is set against the allowances granted.',
        chooseNode: 'Choose a node to set the spend against its budget.', budget: 'budget (monthly share)', budgetSpent: 'of the budget spent',
        budgetTitle: 'Yearly subsidy budget (set by the city-wide bureau)', budgetYear: 'Year', budgetNode: 'Node',
        budgetAmount: 'Amount (yuan)', budgetSave: 'Save budget', budgetSaved: 'Budget saved',
        timeBank: 'Time bank', earned: 'earned by volunteers', spentHours: 'spent on services', donated: 'donated', hours: 'h', entries: 'entries',
        assessments: 'Re-assessments due', assessed: 'seniors assessed', dueInPeriod: 'due in the period', overdue: 'overdue'
      },
      callReport: {
        title: '12349 call report', csv: 'Download CSV', calls: 'Inbound and outbound calls', inbound: 'Inbound',
        outbound: 'Outbound', queued: 'Queued', answered: 'Answered', abandoned: 'Abandoned', abandonment: 'Abandonment',
        within20: 'Answered within 20 s', average: 'Average answer (s)', perHour: 'Inbound calls per hour', hour: 'Hour',
        tickets: 'Work orders (kind · category · status)', status: 'Status', count: 'Count', referrals: 'Referral acceptance',
        referred: 'Referred', acceptedCount: 'Accepted', late: 'Accepted late', overdueNow: 'Overdue now',
        acceptMinutes: 'Average time to accept (min)', evaluations: 'Satisfaction', averageScore: 'Average score'
      },
      calls: {
        title: '12349 calls', queue: 'Call queue', empty: 'No calls', caller: 'Caller', phone: 'Phone', address: 'Address',
        openAlarms: 'Open alarms', openTickets: 'Open work orders', recentCalls: 'Recent calls', none: 'None',
        newTicket: 'Work order during the call', kind: 'Kind', category: 'Category', provider: 'Provider complained about', noProvider: '(no provider)', due: 'Due', summary: 'Summary',
        createTicket: 'Create work order', ticketCreated: 'Work order created', myTickets: 'My work orders',
        noTickets: 'No work orders', overdue: 'Overdue tracking tasks', careChecks: 'Care check-ins', byPhone: '12349 line', take: 'Take',
        care: { CALLING: 'Calling', OK: 'All well', RETRY: 'No answer, calling again', NO_ANSWER: 'No answer: alarm raised' }, takenBy: 'Taken by',
        notTaken: 'Not taken yet', callBack: 'Call back', calledBack: 'Called back', inMenu: 'In the menu',
        onDuty: 'On duty: calls ring your phone', offDuty: 'Off duty', refer: 'Refer', accept: 'Accepted',
        close: 'Close', score: 'Record score',
        bookService: 'Book a home service', book: 'Book', orderBooked: 'Order booked', order: 'Order', alarm: 'Alarm',
        raiseAlarm: 'Raise an emergency alarm',
        fields: {
          to: 'Referred to (body)', by: 'Accepted by', resolution: 'Answer / outcome', score: 'Satisfaction 1–5',
          from: 'Visit from', until: 'Visit until', detail: 'What is the emergency'
        },
        choices: { EMERGENCY: 'Emergency', HOME_SERVICE: 'Home service', POLICY: 'Policy / subsidy', OPERATOR: 'Operator' },
        statuses: {
          IN_IVR: 'In the menu', QUEUED: 'Queued', RINGING: 'Ringing', ANSWERED: 'On the line', COMPLETED: 'Ended',
          MISSED: 'Missed', FAILED: 'Failed'
        },
        kinds: { CONSULTATION: 'Consultation', REFERRAL: 'Referral', TRACKING: 'Tracking', EVALUATION: 'Evaluation' },
        ticketStatuses: { OPEN: 'Open', REFERRED: 'Referred', ACCEPTED: 'Accepted', CLOSED: 'Closed', CANCELLED: 'Cancelled' },
        sla: { ON_TIME: 'On time', OVERDUE: 'Overdue', MET: 'Met', MISSED: 'Missed' },
        categories: {
          POLICY: 'Policy', SUBSIDY: 'Subsidy', SERVICE: 'Service', HEALTH: 'Health', COMPLAINT: 'Complaint',
          OTHER: 'Other', PROVIDER: 'Provider', COMMUNITY: 'Community', HOSPITAL: 'Hospital', AGENCY: 'Other agency',
          CALL_BACK: 'Call back', VISIT: 'Home visit', FOLLOW_UP: 'Follow-up', SATISFACTION: 'Satisfaction'
        }
      },
      appName: 'Anxin · 12349 alarm desk',
      loginTitle: 'Sign in',
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      loginFailed: 'Wrong username or password',
      loggedOut: 'You have signed out',
      loginLocked: 'Too many failed sign-ins: this account or address is locked for a while. Try again later or ask an administrator to unlock it.',
      sessionEnded: 'Your password was changed and this session ended. Please sign in again.',
      account: {
        title: 'My account', change: 'Change password', current: 'Current password', next: 'New password (8 or more characters)',
        repeat: 'New password again', mismatch: 'The two new passwords differ', changed: 'Password changed; your sessions elsewhere have ended'
      },
      deviceGroups: {
        title: 'Device groups (private APN source networks)', nav: 'Device groups', name: 'Name', networks: 'Allowed networks',
        devices: 'Devices', networksOnePerLine: 'Allowed networks (CIDR, one per line; empty: no restriction)',
        create: 'New group', edit: 'Edit', save: 'Save', saved: 'Saved; every gateway applies it to the next login at once',
        delete: 'Delete', deleteConfirm: 'Delete the empty group “{name}”?', deleted: 'Group deleted',
        members: 'Devices in the group', empty: 'No devices in this group', none: 'No device groups yet',
        anywhere: 'anywhere', assign: 'Move devices in bulk', target: 'Into', noGroup: '(no group)',
        deviceIds: 'Device ids (one per line)', assignButton: 'Move', assigned: '{n} device(s) moved', group: 'Device group',
        explain: 'Devices in a group may log in to the gateways only from the listed networks (CIDR, IPv4 or IPv6, e.g. 10.20.0.0/16); other sources are refused like a wrong password. An empty list, or no group: no restriction. Behind a load balancer the gateways see the balancer\'s address (the PROXY protocol is not implemented).'
      },
      audit: {
        title: 'Audit log', actor: 'Actor', action: 'Action', objectType: 'Object type', objectId: 'Object id', from: 'From',
        to: 'To', search: 'Search', csv: 'Download CSV', time: 'Time', address: 'Address', before: 'Before', after: 'After',
        empty: 'No matching entries', locked: 'Locked accounts', since: 'Locked since', unlock: 'Unlock', noLocked: 'No locked accounts',
        unlocked: 'Unlocked'
      },
      logout: 'Sign out',
      sos: {
        title: 'One-key SOS',
        press: 'SOS',
        hint: 'You can cancel for 5 seconds after pressing',
        sendingIn: 'Calling for help in',
        cancel: 'Cancel',
        call12349: 'You can also call 12349',
        noLink: 'This link is incomplete. Ask the 12349 desk for your personal SOS link.',
        connection: {
          connecting: 'Connecting to the desk…', online: 'Connected to the desk',
          offline: 'Not connected; a call for help is sent once the connection is back',
          refused: 'This link no longer works; please call 12349'
        },
        state: {
          countdown: 'About to call for help. Press "Cancel" if you do not need help.',
          cancelled: 'Cancelled; no call for help was sent.',
          sending: 'Sending your call for help…', sent: 'The desk has your call for help. Keep your phone at hand.',
          coming: 'The desk has taken your call: help is coming.'
        }
      },
      familyHealth: { title: 'Health record', hint: 'Greyed fields only the 12349 centre changes; every change is recorded.' },
      seniorSearch: { placeholder: 'Find a senior: name / pinyin initials / phone / ID card last 4 / address / community', none: 'Nobody found' },
      seniorPage: {
        title: 'Senior', new: 'Enrol a senior', record: 'Record and health', save: 'Save', saved: 'Saved', created: 'Enrolled; please complete the record',
        none: 'None', remove: 'Remove', showDoor: 'Show (audited)', doorHidden: 'Set (press “Show”, audited); typing here replaces it',
        f: { name: 'Name', phone: 'Phone', idCardLast4: 'ID card, last 4', birthDate: 'Born', address: 'Address',
          position: 'Position (lat, lon)', community: 'Community', livingSituation: 'Living situation', healthNotes: 'Health notes',
          chronicConditions: 'Chronic conditions', allergies: 'Allergies', familyDoctor: 'Family doctor', clinic: 'Clinic', bloodType: 'Blood type',
          doorNotes: 'Door access' },
        living: { LIVES_ALONE: 'Lives alone', EMPTY_NEST: 'Empty nest', WITH_FAMILY: 'With family', IN_CARE_HOME: 'In a care home' },
        medicines: 'Medicines and reminders', medicinesHint: 'Times separated by spaces (e.g. 08:00 20:00, city time); the senior gets an SMS at each.',
        addMedicine: 'Add a medicine', medicineName: 'Medicine', dose: 'Dose', times: 'Times 08:00 20:00',
        reminders: 'Reminders sent', bySms: 'SMS', byWatch: 'On the watch', watchAck: 'watch confirmed', watchWaiting: 'waiting for the watch', watchMissed: 'the watch did not take it',
        contacts: 'Emergency contacts (call order)', addContact: 'Add a contact', contactName: 'Name', relation: 'Relation',
        devices: 'Devices', deviceId: 'Device id', protocol: 'Protocol', register: 'Register device', deviceRegistered: 'Device registered',
        secret: 'Secret (shown this once)', secretWarning: 'The secret is shown this once: give it to the installer to scan, never forward it.',
        watchPassword: 'Set SMS control password', watchPasswordSet: 'New SMS control password (shown this once; in force once the watch confirms)',
        watchPasswordNote: 'Once the watch takes the PW command, SMS commands to it from any number but its centre number need this password; it does not authenticate the watch\'s connection to the platform.',
        protocols: { mqtt: 'MQTT SOS button', watch: '"3G" GPS watch', gt06: 'GT06 tracker', app: 'Phone SOS page' },
        online: 'online', offline: 'offline',
        care: 'Care checks and calls', careChecks: 'Proactive care calls', calls: 'Calls', pressed: 'pressed',
        vitals: 'Vitals (7 days)', audit: 'Changes', before: 'Before', after: 'After',
        kinds: { CONTACTS: 'contacts', PROFILE: 'record', DOOR_NOTES_READ: 'door notes read' }
      },
      sosLinks: {
        nav: 'SOS links',
        title: 'One-key SOS links for seniors\' phones',
        senior: 'Senior',
        create: 'Create a new SOS link',
        rotate: 'Issue a new link (the old one stops working)',
        print: 'Print',
        existing: 'Phone SOS devices',
        none: 'None',
        cardTitle: 'Anxin · One-key SOS',
        cardText: 'Scan the code with the phone, then add the page to the home screen. In an emergency press the big red button.',
        secretWarning: 'The link holds this senior\'s secret: give it to the senior only, never forward it.',
        created: 'SOS link created'
      },
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
      dispatch: 'Dispatch by hand',
      autoDispatch: 'Offer to nearest',
      onScene: 'On scene',
      falseAlarm: 'False alarm',
      cancel: 'Cancel',
      responderPrompt: 'Dispatch to which responder (name)?',
      callResultPrompt: 'How did the call go?',
      callSenior: 'Call senior back',
      call: 'Call',
      addNote: 'Add note',
      notePlaceholder: 'Note…',
      record: 'Senior record',
      age: 'Age',
      health: 'Health',
      medicines: 'Medicines',
      allergies: 'Allergies',
      contacts: 'Emergency contacts',
      doorNotes: 'Door access',
      doorHidden: 'Alarm closed: door access no longer shown',
      devices: 'Devices',
      battery: 'Battery',
      lastSeen: 'Last seen',
      timeline: 'Timeline',
      notifications: 'Notifications',
      escalated: 'Not answered in time: supervisor alerted',
      reports: 'Answer-time report',
      followUps: 'Follow-up calls',
      followUp: {
        title: 'Follow-up calls', status: 'Status', open: 'Open', order: 'Order', senior: 'Senior',
        phone: 'Phone / contact', item: 'Service', completed: 'Completed', worker: 'Worker',
        attempts: 'Unanswered calls', result: 'Result', claim: 'Claim', reached: 'Reached', record: 'Record result',
        unreached: 'Not reached', empty: 'No follow-up calls waiting',
        statuses: { PENDING: 'Pending', CLAIMED: 'Claimed', DONE: 'Done' }
      },
      from: 'From',
      to: 'To',
      show: 'Show',
      count: 'Alarms',
      answered: 'Answered',
      within60: 'Answered ≤ 60 s',
      within180: 'Answered ≤ 180 s',
      median: 'Median (s)',
      p90: 'P90 (s)',
      target: 'Target',
      perOperator: 'Per operator',
      perDay: 'Per day',
      operator: 'Operator',
      day: 'Day',
      total: 'Total',
      console: 'Alarm desk',
      responderApp: 'Anxin · responder',
      goOnDuty: 'On duty',
      goOffDuty: 'Off duty',
      offers: 'Offers',
      noOffers: 'No offers',
      myJob: 'My job',
      noJob: 'No job in hand',
      accept: 'Accept',
      decline: 'Decline',
      arrived: 'Arrived',
      done: 'Done',
      minutes: 'min',
      answerBy: 'Answer by',
      orderOffer: 'Home-service order',
      plans: 'Visit plans',
      plan: {
        title: 'Home-visit plans', date: 'Date', make: 'Plan / re-plan', show: 'Show', status: 'Status', score: 'Score',
        revision: 'Revision', solver: 'Solver time', moved: 'Visits moved', madeBy: 'Made by', none: 'No plan for this day yet',
        constraints: 'Score by constraint', constraint: 'Constraint', hard: 'Hard', medium: 'Medium', soft: 'Soft', matches: 'Matches',
        worker: 'Worker', stops: 'Visits', unplanned: 'Unplanned visits', sick: 'Off sick (re-plan)', moveTo: 'Move to',
        position: 'Position', move: 'Move and pin', pinned: 'pinned', started: 'set off', late: 'late',
        myDay: 'My day', myDayNone: 'No planned visits today', arrive: 'Arrive', start: 'Start', window: 'Window',
        arrival: 'Planned arrival', seconds: 's', minutes: 'min',
        statuses: { SOLVING: 'Solving', READY: 'Ready', FAILED: 'Failed' }
      },
      visit: {
        title: 'Home visits', none: 'No home visits', enRoute: 'On my way', arrive: 'Check in', start: 'Start service',
        checkOut: 'Check out', elsewhere: 'Met the senior elsewhere',
        farReason: 'Where did you meet the senior, and why? (The visit is flagged and paid only once the desk has checked it.)',
        declineReason: 'Decline this visit? Reason (optional):', checkedIn: 'Checked in,', meters: 'm from the home',
        checkedOut: 'Checked out, on site'
      },
      sharing: 'Sharing position',
      noGeolocation: 'Position unavailable',
      coverage: 'Coverage',
      locateNow: 'Locate now',
      revokeDevice: 'Revoke device', revokeConfirm: 'The device will be disconnected and refused from now on. Revoke',
      deviceRevoked: 'revoked',
      kind: 'Kind',
      kinds: { emergency: 'Emergency (10-minute circle)', service: 'Home service (15-minute circle)' },
      skill: 'Skill',
      skillDefault: 'Default (first aid)',
      skills: {
        FIRST_AID: 'First aid', NURSING: 'Nursing', MEAL: 'Meals', BATHING: 'Bathing', CLEANING: 'Cleaning',
        ESCORT: 'Escort', SHOPPING: 'Shopping', DOCTOR_ESCORT: 'Doctor escort'
      },
      coveredSummary: 'Seniors reachable inside the circle',
      community: 'Community',
      seniors: 'Seniors',
      covered: 'Covered',
      share: 'Share',
      uncovered: 'Seniors nobody can reach now',
      allCovered: 'Every senior is inside a circle',
      assessment: {
        agencies: 'Assessors’ agencies', assessorUser: 'Assessor username', register: 'Register',
        title: 'Capability assessment', seniorId: 'Senior no.', date: 'Assessed on', place: 'Place', reason: 'Reason',
        reasons: { FIRST: 'First', ROUTINE: 'Routine', IMMEDIATE: 'Immediate', REVIEW: 'Review' },
        dimensions: { SELF_CARE: 'Self-care', BASIC_MOBILITY: 'Basic mobility', MENTAL_STATE: 'Mental state',
          PERCEPTION_AND_SOCIAL: 'Perception and social participation' },
        coma: 'In a coma', mental: 'Diagnosed dementia (F00–F03) or other mental disorder by a psychiatrist (F04–F99)',
        riskEvents: 'Care-risk events in the last 30 days (falls, choking, self-harm, wandering …)',
        confirmedBy: 'Confirmed by', confirmers: { SENIOR: 'The senior', GUARDIAN: 'Guardian' },
        confirmerName: 'Name of who confirms',
        total: 'Total', submit: 'Submit assessment', result: 'Result', level: 'Ability level', agency: 'Agency',
        dueOn: 'Due again', history: 'Assessments', due: 'Re-assessments due', senior: 'Senior', overdue: '(overdue)',
        saved: 'Assessment saved', pickSenior: 'Choose a senior first'
      },
      subsidy: {
        birthDate: 'Correct a birth date', correct: 'Correct', areas: 'Areas (district – street – community)', areaCode: 'Code',
        areaName: 'Name', areaParent: 'Parent code', level: 'Level', addArea: 'Add',
        levels: { DISTRICT: 'District', STREET: 'Street', COMMUNITY: 'Community' },
        evidence: 'Evidence', assessed: 'Assessed', dueOn: 'due', notAssessed: 'no current assessment', age: 'Age',
        noBirthDate: 'no birth date', lapsed: 'evidence no longer holds: allowance paused',
        title: 'Care subsidies',
        proposals: 'Allowance changes awaiting approval',
        applications: 'Eligibility applications awaiting approval',
        holders: 'Seniors holding a category',
        wallet: 'Senior\'s subsidy wallet',
        category: 'Category',
        proposed: 'Proposed',
        inForce: 'In force',
        by: 'By',
        status: 'Status',
        senior: 'Senior',
        seniorId: 'Senior id',
        since: 'Since',
        propose: 'Propose',
        apply: 'Apply',
        approve: 'Approve',
        reject: 'Reject',
        reasonPrompt: 'Reason for rejecting?',
        yuanMonth: 'yuan/month',
        hoursMonth: 'hours/month',
        none: 'none',
        perMonth: 'a month',
        moneyLeft: 'Left',
        minutesLeft: 'Minutes left',
        noWallet: 'no category or allowance',
        notOpened: 'not used this month yet',
        at: 'At',
        order: 'Order',
        kind: 'Kind',
        amount: 'Subsidy',
        note: 'Note',
        kinds: { CHARGE: 'Charge', REFUND: 'Refund' },
        statuses: {
          PENDING_COMMUNITY: 'Awaiting community', PENDING_BUREAU: 'Awaiting bureau', APPROVED: 'Approved',
          REJECTED: 'Rejected'
        }
      },
      duty: { AVAILABLE: 'On duty', BUSY: 'On a job', OFF: 'Off duty' },
      type: {
        SOS: 'SOS', FALL: 'Fall', LOW_BATTERY: 'Low battery', WATCH_REMOVED: 'Device removed',
        POWER_CUT: 'Power cut', ALARM: 'Device alarm', OFFLINE: 'Device offline',
        GEOFENCE_EXIT: 'Left safe zone', INACTIVITY: 'Inactivity', VITALS_ABNORMAL: 'Vitals abnormal',
        PHONE_SOS: 'Phone SOS', CARE_CHECK: 'Care call unanswered'
      },
      status: {
        RAISED: 'New', ACKNOWLEDGED: 'Acknowledged', DISPATCHED: 'Dispatched',
        RESPONDER_ON_SCENE: 'On scene', RESOLVED: 'Resolved', FALSE_ALARM: 'False alarm',
        CANCELLED: 'Cancelled'
      },
      outcomes: {
        HELPED_ON_SITE: 'Helped on site', TAKEN_TO_HOSPITAL: 'Taken to hospital',
        CALLED_120: 'Called 120', FAMILY_HANDLED: 'Family handled it', NO_ANSWER_VISIT: 'No answer, visited',
        OTHER: 'Other'
      },
      familyApp: 'Anxin · family',
      familyAlarms: {
        title: 'Alarms', none: 'No open alarms', history: 'Past alarms', onMyWay: 'I am on my way', timeline: 'What happened',
        going: 'On the way:', recorded: 'Recorded: you are on your way; the desk sees it',
        actions: {
          RAISED: 'Raised', REPEAT: 'Again', ACKNOWLEDGED: 'Desk took it', DISPATCHED: 'Help sent', RESPONDER_ON_SCENE: 'On scene',
          RESOLVED: 'Resolved', FALSE_ALARM: 'False alarm', CANCELLED: 'Cancelled', ESCALATED: 'Escalated', FAMILY_NOTIFIED: 'Family told',
          FAMILY_CALL: 'Family called', FAMILY_ACCEPTED: 'Family on the way', FAMILY_GOING: 'Family also on the way',
          FAMILY_RESPONDED: 'Family answered', FAMILY_TOLD: 'Family texted', NOTE: 'Note', CALL: 'Desk call',
          FAMILY_HELD: 'Held for quiet hours', FAMILY_SKIPPED: 'Left out by the contact\'s choice',
          FAMILY_NOT_NOTIFIED: 'No emergency contacts', FAMILY_CALLS_EXHAUSTED: 'No contact answered'
        }
      },
      familyContacts: {
        title: 'Contacts', hint: 'The desk calls them in this order on an alarm, top first', name: 'Name', relation: 'Relation',
        phone: 'Phone', up: 'Up', remove: 'Remove', add: 'Add a contact', save: 'Save contacts', saved: 'Contacts saved; the desk sees the change'
      },
      contactPrefs: {
        title: 'Who is told how', none: 'Add an emergency contact first',
        hint: 'Each contact chooses, per kind of alarm, a call, an SMS or this page only, and quiet hours of their own. A person in danger (SOS, fall, phone SOS, abnormal vitals) always reaches them by SMS and calls at any hour, unless the desk lets that contact take SMS only.',
        channels: { CALL: 'SMS and call', SMS: 'SMS only', FEED: 'This page only' },
        ownQuiet: 'Own quiet hours', cityQuiet: 'Otherwise the city\'s quiet hours', save: 'Save',
        saved: 'Saved how alarms reach ', deskAllows: 'The desk allows SMS only for emergencies',
        desk: 'How alarms reach them', callAlways: 'Emergencies always call', smsAllowed: 'May take emergencies by SMS only',
        allowSms: 'Allow SMS only', requireCall: 'Require calls again', quiet: 'Quiet'
      },
      vitals: {
        title: 'Vitals', none: 'No vitals in the last 7 days', limits: 'alarm at',
        kinds: { HEART_RATE: 'Heart rate', SYSTOLIC: 'Systolic', DIASTOLIC: 'Diastolic', SPO2: 'SpO2', TEMPERATURE: 'Temperature', STEPS: 'Steps' }
      },
      familyHome: {
        title: 'My family now', empty: 'Your account is not linked to a senior yet; call 12349',
        fixAt: 'Fixed at', source: 'Fixed by', position: 'Position', device: 'Device', battery: 'Battery', heartbeat: 'Last heartbeat',
        online: 'online', offline: 'offline', noDevice: 'no device', openAlarm: 'Open alarm:',
        sources: { GPS: 'GPS (satellite)', LBS: 'LBS (cell towers)', WIFI: 'Wi-Fi', NONE: 'no fix' },
        trail: 'Trail', day: 'Day', points: 'points', noTrail: 'No trail on that day',
        zones: 'Safe zones', drawCircle: 'Draw a circle', drawPolygon: 'Draw a polygon',
        circleHint: 'Tap the map for the centre; drag the centre to move it and the edge to resize',
        polygonHint: 'Tap the map for each corner (at least 3); corners can be dragged',
        zoneName: 'Name', activeFrom: 'Watched from', activeTo: 'to', hoursHint: 'Leave empty for all day; may run over midnight, e.g. 20:00–07:00',
        saveZone: 'Save zone', cancelZone: 'Cancel', deleteZone: 'Delete', zoneSaved: 'Safe zone saved',
        allHours: 'all day', circle: 'circle', polygon: 'polygon'
      },
      catalog: 'Service catalogue',
      settlement: 'Monthly settlement',
      bookService: 'Book a home visit',
      senior: 'Senior',
      item: 'Service',
      date: 'Date',
      notes: 'Notes',
      getQuote: 'Get a quote',
      price: 'Price',
      subsidyShare: 'Subsidy pays',
      ownShare: 'You pay',
      quoteNote: 'Note',
      confirmBooking: 'Confirm booking',
      booked: 'Booked, order',
      myOrders: 'My orders',
      noOrders: 'No orders yet',
      noSeniors: 'Your account is not linked to a senior yet; call 12349',
      orderTimeline: 'Order history',
      cancelOrder: 'Cancel booking',
      reschedule: 'Reschedule',
      confirmReschedule: 'Confirm new time',
      rate: 'Rate',
      stars: 'Stars',
      comment: 'Comment',
      submitRating: 'Submit rating',
      worker: 'Worker',
      yuan: 'yuan',
      orderStatus: {
        REQUESTED: 'Requested', ASSIGNED: 'Assigned', ACCEPTED: 'Accepted', EN_ROUTE: 'On the way',
        ARRIVED: 'Arrived', IN_SERVICE: 'In service', COMPLETED: 'Completed', RATED: 'Rated',
        CANCELLED: 'Cancelled', NO_SHOW: 'No show'
      },
      orderAction: {
        REQUESTED: 'Booked', ASSIGNED: 'Assigned', ACCEPTED: 'Accepted', DECLINED: 'Declined',
        EN_ROUTE: 'On the way', ARRIVED: 'Checked in', IN_SERVICE: 'Service started', COMPLETED: 'Checked out',
        RATED: 'Rated', CANCELLED: 'Cancelled', RESCHEDULED: 'Rescheduled', REASSIGNED: 'Reassigned',
        NO_SHOW: 'No show', CLOSED_UNRATED: 'Closed unrated', FLAGGED: 'Anomaly flagged',
        ANOMALY_CLEARED: 'Anomaly cleared'
      },
      name: 'Name',
      nameEn: 'English name',
      priceYuan: 'Price (yuan)',
      durationMinutes: 'Standard duration (min)',
      active: 'Active',
      providers: 'Providers',
      save: 'Save',
      saved: 'Saved',
      addItem: 'Add a service',
      noItems: 'No services yet',
      category: 'Category',
      add: 'Add',
      providerItems: 'Services a provider offers',
      provider: 'Provider',
      categories: {
        DAILY_LIVING: 'Daily living', BASIC_CARE: 'Basic care', HEALTH: 'Health', VISITING: 'Visiting',
        COMPANIONSHIP: 'Companionship', ERRANDS: 'Errands', HOME_ADAPTATION: 'Home adaptation'
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
