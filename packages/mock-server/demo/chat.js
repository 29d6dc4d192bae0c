// Signs the widget in as the mock server's development officer (a real intranet page returns its
// own sign-in's access token). A shared position opened "on the incident map" is handed to the
// incidents page here; a real intranet would open its map on it.
const provider = document.querySelector('blauw-provider');
provider.getToken = () => 'dev-officer';

const status = document.getElementById('kaart');
document.querySelector('blauw-chat').addEventListener('blauw-position-open', (event) => {
  const { lat, lon, accuracy } = event.detail.position;
  status.textContent = `Positie ${lat.toFixed(5)}, ${lon.toFixed(5)} (± ${Math.round(accuracy)} m) geopend op de incidentkaart.`;
});
