import type { GeoFeature, GeoPoint, ZoneGeography } from '@blauw/core';
import { mulberry32 } from '../domain/random.js';
import type { ZoneData } from './zone-seed.js';

// The fictional zone's map: invented outlines and a street network laid out from the seed, in
// the east of East Flanders (around 51.0 N, 3.9 E) so a map looks plausible. Nothing here is
// real data. The same seed gives the same map, byte for byte, and it draws from a PRNG stream
// of its own, so the rest of the zone stays as it was before the map existed.

/** Roughly where the zone lies: the middle of its central municipality. */
export const ZONE_CENTRE: GeoPoint = { lat: 51.0, lon: 3.9 };

/** Metres per degree of latitude, and of longitude at the zone's latitude. */
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((ZONE_CENTRE.lat * Math.PI) / 180);

/** One crossing or bend of the street network. */
export interface StreetNode {
  /** Position, rounded to 5 decimals (about a metre), exactly as the GeoJSON carries it. */
  position: GeoPoint;
}

/** A straight piece of one street between two nodes. */
export interface StreetEdge {
  /** Index of the node it starts at. */
  from: number;
  /** Index of the node it ends at. */
  to: number;
  /** Length in metres. */
  length: number;
  /** Index of its street in {@link StreetNetwork.streets}. */
  street: number;
}

/** A named street (or a regional road between municipalities) as a list of edges in order. */
export interface Street {
  name: string;
  /** The municipality's id; undefined for a road between municipalities. */
  municipalityId: string | undefined;
  /** The municipality's name as written in an address. */
  municipality: string | undefined;
  /** The postal code of addresses on it; undefined for a road between municipalities. */
  postalCode: string | undefined;
  /** Indexes into {@link StreetNetwork.edges}, from one end to the other. */
  edges: number[];
  /** Indexes into {@link StreetNetwork.nodes}, from one end to the other (the GeoJSON line). */
  nodes: number[];
}

/**
 * The zone's streets as a graph the incident simulator routes units over, and the GeoJSON drawn
 * from the same nodes, so every position on an edge lies on a published street line.
 */
export interface StreetNetwork {
  nodes: StreetNode[];
  edges: StreetEdge[];
  streets: Street[];
  /** Edge indexes touching each node. */
  adjacency: number[][];
  /** The GeoJSON served at `GET /v1/zone/geography`: outline, municipalities, streets. */
  geography: ZoneGeography;
}

/**
 * The streets each municipality has, with their postal codes, as the seed gave them to the
 * neighbourhood officers (every street is covered by one or two officers).
 */
export function seededStreets(data: ZoneData): Map<string, Array<{ name: string; postalCode: string }>> {
  const result = new Map<string, Array<{ name: string; postalCode: string }>>();
  for (const municipality of data.municipalities) {
    const seen = new Set<string>();
    const streets: Array<{ name: string; postalCode: string }> = [];
    for (const officer of data.officers) {
      if (officer.municipalityId !== municipality.id) continue;
      for (const coverage of officer.streets) {
        const key = `${coverage.street}|${coverage.postalCode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        streets.push({ name: coverage.street, postalCode: coverage.postalCode });
      }
    }
    result.set(municipality.id, streets);
  }
  return result;
}

/** Regional roads joining the central municipality to the others; invented numbers. */
const ROAD_NUMBERS = [411, 416, 439, 445, 449, 462];
const ROAD_PREFIX: Record<string, string> = { nl: 'Gewestweg', fr: 'Route régionale', de: 'Landstraße' };

/**
 * Lays out the zone's map for a seed: the first municipality in the middle, the others around it
 * 5–7 km away, each an irregular polygon with a jittered grid of its seeded streets (half running
 * roughly east–west, half north–south, crossing at shared nodes), and one regional road from
 * the middle to each of the others, so a unit can drive from anywhere to anywhere on streets.
 *
 * @example
 * ```ts
 * const network = streetNetwork(seedZone(1, clock), 1);
 * JSON.stringify(network.geography).length; // about 20 kB
 * ```
 */
export function streetNetwork(data: ZoneData, seed: number): StreetNetwork {
  const random = mulberry32((seed ^ 0x3c6ef372) >>> 0);
  const streetsOf = seededStreets(data);
  const nodes: StreetNode[] = [];
  const edges: StreetEdge[] = [];
  const streets: Street[] = [];
  const features: GeoFeature[] = [];
  const polygons: GeoPoint[][] = [];
  const grids: GeoPoint[][] = [];
  const gridNodes: number[][] = [];

  const addNode = (point: GeoPoint): number => {
    nodes.push({ position: { lat: round5(point.lat), lon: round5(point.lon) } });
    return nodes.length - 1;
  };
  const addStreet = (name: string, path: number[], municipality: { id: string; name: string } | undefined, postalCode: string | undefined) => {
    const index = streets.length;
    const street: Street = { name, municipalityId: municipality?.id, municipality: municipality?.name, postalCode, edges: [], nodes: path };
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1] as number;
      const to = path[i] as number;
      edges.push({ from, to, length: distanceMetres(nodePosition(nodes, from), nodePosition(nodes, to)), street: index });
      street.edges.push(edges.length - 1);
    }
    streets.push(street);
  };

  const offsetAngle = random() * Math.PI * 2;
  for (const [index, municipality] of data.municipalities.entries()) {
    const centre =
      index === 0
        ? ZONE_CENTRE
        : move(ZONE_CENTRE, offsetAngle + ((index - 1) * Math.PI * 2) / Math.max(1, data.municipalities.length - 1) + (random() - 0.5) * 0.4, 6200 + random() * 900);
    const radius = index === 0 ? 2600 : 2000 + random() * 300;
    const outline: GeoPoint[] = [];
    const corners = 14;
    for (let i = 0; i < corners; i++) {
      const point = move(centre, (i * Math.PI * 2) / corners, radius * (0.9 + random() * 0.2));
      outline.push({ lat: round5(point.lat), lon: round5(point.lon) });
    }
    polygons.push(outline);

    // A 4 × 4 grid of crossings, turned a little and jittered, so no two towns look alike.
    const named = streetsOf.get(municipality.id) ?? [];
    const lines = Math.max(2, Math.ceil(named.length / 2));
    const spacing = (radius * 1.2) / (lines - 1);
    const turn = (random() - 0.5) * 0.6;
    const grid: number[] = [];
    const gridPoints: GeoPoint[] = [];
    for (let row = 0; row < lines; row++) {
      for (let col = 0; col < lines; col++) {
        const east = (col - (lines - 1) / 2) * spacing + (random() - 0.5) * spacing * 0.3;
        const north = (row - (lines - 1) / 2) * spacing + (random() - 0.5) * spacing * 0.3;
        const point = offset(centre, east * Math.cos(turn) - north * Math.sin(turn), east * Math.sin(turn) + north * Math.cos(turn));
        grid.push(addNode(point));
        gridPoints.push(point);
      }
    }
    grids.push(gridPoints);
    gridNodes.push(grid);
    // Each stretch between two crossings bends once, at a node of its own.
    const bend = (a: number, b: number): number => {
      const pa = nodePosition(nodes, a);
      const pb = nodePosition(nodes, b);
      const t = 0.35 + random() * 0.3;
      const sideways = (random() - 0.5) * spacing * 0.25;
      const dx = (pb.lon - pa.lon) * M_PER_DEG_LON;
      const dy = (pb.lat - pa.lat) * M_PER_DEG_LAT;
      const length = Math.hypot(dx, dy) || 1;
      const mid = { lat: pa.lat + (pb.lat - pa.lat) * t, lon: pa.lon + (pb.lon - pa.lon) * t };
      return addNode(offset(mid, (-dy / length) * sideways, (dx / length) * sideways));
    };
    for (const [streetIndex, street] of named.entries()) {
      const line = Math.floor(streetIndex / 2) % lines;
      const eastWest = streetIndex % 2 === 0;
      const crossings = Array.from({ length: lines }, (_, k) => grid[eastWest ? line * lines + k : k * lines + line] as number);
      const path: number[] = [crossings[0] as number];
      for (let k = 1; k < crossings.length; k++) path.push(bend(crossings[k - 1] as number, crossings[k] as number), crossings[k] as number);
      addStreet(street.name, path, municipality, street.postalCode);
    }
  }

  // Regional roads: from the crossing of the centre's grid nearest to a town to that town's
  // nearest crossing, with one bend in the open country between them.
  const central = gridNodes[0] ?? [];
  for (let index = 1; index < data.municipalities.length; index++) {
    const town = gridNodes[index] ?? [];
    const target = polygonCentre(polygons[index] ?? []);
    const from = nearestNode(nodes, central, target);
    const to = nearestNode(nodes, town, polygonCentre(polygons[0] ?? []));
    const pa = nodePosition(nodes, from);
    const pb = nodePosition(nodes, to);
    const mid = addNode(offset({ lat: (pa.lat + pb.lat) / 2, lon: (pa.lon + pb.lon) / 2 }, (random() - 0.5) * 600, (random() - 0.5) * 600));
    const language = data.municipalities[index]?.language ?? 'nl';
    const prefix = ROAD_PREFIX[language] ?? 'Gewestweg';
    addStreet(`${prefix} N${ROAD_NUMBERS[(index - 1) % ROAD_NUMBERS.length] as number}`, [from, mid, to], undefined, undefined);
  }

  // The zone's outline: the convex hull of its municipalities, pushed out by a few hundred metres.
  const hull = convexHull(polygons.flat());
  const middle = polygonCentre(hull);
  const outline = hull.map((point) => {
    const east = (point.lon - middle.lon) * M_PER_DEG_LON;
    const north = (point.lat - middle.lat) * M_PER_DEG_LAT;
    const length = Math.hypot(east, north) || 1;
    return offset(point, (east / length) * 400, (north / length) * 400);
  });
  features.push(polygonFeature('outline', data.name, outline));
  for (const [index, municipality] of data.municipalities.entries()) features.push(polygonFeature('municipality', municipality.name, polygons[index] ?? []));
  for (const street of streets) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: street.nodes.map((node) => lonLat(nodePosition(nodes, node))) },
      properties: { kind: 'street', name: street.name },
    });
  }

  const adjacency: number[][] = nodes.map(() => []);
  for (const [index, edge] of edges.entries()) {
    adjacency[edge.from]?.push(index);
    adjacency[edge.to]?.push(index);
  }
  return { nodes, edges, streets, adjacency, geography: { type: 'FeatureCollection', features } };
}

/** A node's position; throws on an index the network does not have (a bug, never input). */
export function nodePosition(nodes: readonly StreetNode[], index: number): GeoPoint {
  const node = nodes[index];
  if (node === undefined) throw new RangeError(`No street node ${index}`);
  return node.position;
}

/** Distance in metres between two nearby points (equirectangular; exact enough within a zone). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  return Math.hypot((b.lon - a.lon) * M_PER_DEG_LON, (b.lat - a.lat) * M_PER_DEG_LAT);
}

/**
 * Distance in metres from a point to the segment between `a` and `b`; what the tests use to
 * check that incidents and units stay on streets.
 */
export function distanceToSegmentMetres(point: GeoPoint, a: GeoPoint, b: GeoPoint): number {
  const px = (point.lon - a.lon) * M_PER_DEG_LON;
  const py = (point.lat - a.lat) * M_PER_DEG_LAT;
  const bx = (b.lon - a.lon) * M_PER_DEG_LON;
  const by = (b.lat - a.lat) * M_PER_DEG_LAT;
  const lengthSquared = bx * bx + by * by;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / lengthSquared));
  return Math.hypot(px - t * bx, py - t * by);
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function lonLat(point: GeoPoint): [number, number] {
  return [point.lon, point.lat];
}

function offset(point: GeoPoint, eastMetres: number, northMetres: number): GeoPoint {
  return { lat: point.lat + northMetres / M_PER_DEG_LAT, lon: point.lon + eastMetres / M_PER_DEG_LON };
}

function move(point: GeoPoint, angle: number, metres: number): GeoPoint {
  return offset(point, Math.cos(angle) * metres, Math.sin(angle) * metres);
}

function polygonCentre(points: readonly GeoPoint[]): GeoPoint {
  const sum = points.reduce((total, point) => ({ lat: total.lat + point.lat, lon: total.lon + point.lon }), { lat: 0, lon: 0 });
  return { lat: sum.lat / Math.max(1, points.length), lon: sum.lon / Math.max(1, points.length) };
}

function nearestNode(nodes: readonly StreetNode[], candidates: readonly number[], target: GeoPoint): number {
  let best = candidates[0] ?? 0;
  for (const candidate of candidates) {
    if (distanceMetres(nodePosition(nodes, candidate), target) < distanceMetres(nodePosition(nodes, best), target)) best = candidate;
  }
  return best;
}

/** A closed GeoJSON ring (first position repeated last, counter-clockwise as RFC 7946 asks). */
function polygonFeature(kind: 'outline' | 'municipality', name: string, ring: readonly GeoPoint[]): GeoFeature {
  const points = ring.map((point) => lonLat({ lat: round5(point.lat), lon: round5(point.lon) }));
  if (signedArea(points) < 0) points.reverse();
  const first = points[0];
  if (first) points.push([first[0], first[1]]);
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [points] }, properties: { kind, name } };
}

function signedArea(points: ReadonlyArray<[number, number]>): number {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i] as [number, number];
    const [x2, y2] = points[(i + 1) % points.length] as [number, number];
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}

/** Andrew's monotone chain; counter-clockwise in (lon, lat). */
function convexHull(points: readonly GeoPoint[]): GeoPoint[] {
  const sorted = [...points].sort((a, b) => a.lon - b.lon || a.lat - b.lat);
  if (sorted.length < 3) return sorted;
  const cross = (o: GeoPoint, a: GeoPoint, b: GeoPoint) => (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
  const chain = (list: GeoPoint[]) => {
    const result: GeoPoint[] = [];
    for (const point of list) {
      while (result.length >= 2 && cross(result[result.length - 2] as GeoPoint, result[result.length - 1] as GeoPoint, point) <= 0) result.pop();
      result.push(point);
    }
    result.pop();
    return result;
  };
  return [...chain(sorted), ...chain([...sorted].reverse())];
}
