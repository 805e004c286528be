package gen

import (
	"math"
	"math/rand/v2"
	"time"
)

// localClock is the weekday (0 is Sunday) and second of the day at t in the
// zone tz minutes east of UTC.
func localClock(t time.Time, tz int) (weekday int, second int64) {
	s := t.Unix() + int64(tz)*60
	days, second := s/86400, s%86400
	if second < 0 {
		second += 86400
		days--
	}
	weekday = int((days%7 + 11) % 7) // 1970-01-01 was a Thursday
	return weekday, second
}

// Weekly activity: weekends are quieter; weekdays make up for it so that a
// week averages 1.
const (
	weekendFactor = 0.6
	weekdayFactor = (7 - 2*weekendFactor) / 5
)

// diurnal is the platform's aggregate activity at t relative to its average:
// a sinusoid over the UTC day (±45%) peaking at 15:00 UTC, when Europe's
// afternoon overlaps America's morning, scaled down on weekends.
func diurnal(t time.Time) float64 {
	day, sec := localClock(t, 0)
	f := weekdayFactor
	if day == 0 || day == 6 {
		f = weekendFactor
	}
	return f * (1 + 0.45*math.Sin(2*math.Pi*(float64(sec)/86400-9.0/24)))
}

// gap is the exponential inter-arrival time after t for a mean rate of
// perSecond arrivals at the diurnal average, at most a day.
func gap(t time.Time, perSecond float64, rng *rand.Rand) time.Duration {
	seconds := rng.ExpFloat64() / (perSecond * diurnal(t))
	return time.Duration(min(seconds, 86400) * float64(time.Second))
}

// within is a uniformly random time in [start, end).
func within(start, end time.Time, rng *rand.Rand) time.Time {
	d := end.Sub(start)
	if d <= 0 {
		return start
	}
	return start.Add(time.Duration(rng.Int64N(int64(d))))
}

// jitterDur is a uniformly random duration in [lo, hi).
func jitterDur(lo, hi time.Duration, rng *rand.Rand) time.Duration {
	return lo + time.Duration(rng.Int64N(int64(hi-lo)))
}
