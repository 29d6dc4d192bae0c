// Signs the widgets in as the mock server's development officer (a real intranet page returns its
// own sign-in's access token). A shared position opened "on the incident map" is shown on the map
// beside the chat, labelled with the name of whoever shared it.
const provider = document.querySelector('blauw-provider');
provider.getToken = () => 'dev-officer';

const map = document.querySelector('blauw-incident-map');
document.querySelector('blauw-chat').addEventListener('blauw-position-open', async (event) => {
  // The map's CDN file may still be loading when the officer is quick.
  await customElements.whenDefined('blauw-incident-map');
  map.showPosition({ ...event.detail.position, label: event.detail.senderName });
  map.scrollIntoView({ block: 'nearest' });
});
