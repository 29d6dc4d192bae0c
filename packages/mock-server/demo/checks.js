// Signs the widgets in as the mock server's development officer (a real intranet page returns
// its own sign-in's access token) and opens the assignment the officer picks in the form. The
// assignment is kept in the address (?assignment=…), so Back returns to the one before and a
// reload reopens the form with its draft (kept on the device; the page itself, without a service
// worker, needs the network to load). Runs before the widgets are defined: they take the property
// and the attribute when they upgrade.
const provider = document.querySelector('blauw-provider');
provider.getToken = () => 'dev-officer';

const list = document.querySelector('blauw-check-list');
const form = document.querySelector('blauw-check-form');
const formRegion = document.getElementById('controle');

const assignmentInAddress = () => new URLSearchParams(location.search).get('assignment') ?? '';

function open(assignmentId) {
  for (const widget of [form, list]) {
    const name = widget === form ? 'assignment' : 'selected';
    if (assignmentId) widget.setAttribute(name, assignmentId);
    else widget.removeAttribute(name);
  }
}

open(assignmentInAddress());

list.addEventListener('blauw-check-open', (event) => {
  const assignmentId = event.detail.assignment.id;
  if (assignmentId !== assignmentInAddress()) {
    const address = new URL(location.href);
    address.searchParams.set('assignment', assignmentId);
    history.pushState(null, '', address);
    open(assignmentId);
  }
  // On a narrow screen the form is under the list: take the officer (and a screen reader) there.
  // Beside the list it is in view already, and the page does not jump.
  formRegion.focus({ preventScroll: true });
  const { top } = formRegion.getBoundingClientRect();
  if (top < 0 || top > innerHeight / 2) formRegion.scrollIntoView({ block: 'start' });
});

addEventListener('popstate', () => open(assignmentInAddress()));

// The device is wiped: a real intranet page goes on to its own sign-out here. The demo closes the
// form, whose draft is gone, and stays on the list.
document.querySelector('blauw-field-logout').addEventListener('blauw-logged-out', () => {
  history.replaceState(null, '', location.pathname);
  open('');
});
