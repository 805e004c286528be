// Package geo is the geometry the generator and the detector share.
package geo

import "math"

// DistanceKM is the great-circle (haversine) distance between two points
// given in degrees.
func DistanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r, rad = 6371.0, math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
