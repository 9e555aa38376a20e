// The family's view of their seniors' scheduled visits (定期巡访): for each senior the family may
// see, the plans and the dates booked ahead (js/visit-plans.js draws them), with skip and stop,
// which the server allows a family for their own seniors only.
(function () {
  'use strict';

  const status = Portal.messages('family-error', 'family-notice');
  const box = document.getElementById('family-visit-plans');
  if (!box) return;
  let loads = [];

  function start() {
    Portal.send('GET', '/api/seniors').then((seniors) => {
      const blocks = seniors.map((s) => {
        const block = document.createElement('div');
        block.className = 'senior-plans';
        block.dataset.seniorId = s.id;
        const title = document.createElement('h3');
        title.textContent = s.name;
        const list = document.createElement('ul');
        list.className = 'visit-plans';
        block.append(title, list);
        return { block, load: VisitPlanList.mount({ seniorId: s.id, list, messages: status }) };
      });
      box.querySelector('.plans').replaceChildren(...blocks.map((b) => b.block));
      loads = blocks.map((b) => b.load);
      return Promise.all(loads.map((load) => load()));
    }).catch(status.fail);
  }

  Anxin.bindSwitch(() => Promise.all(loads.map((load) => load())).catch(status.fail));
  start();
})();
