-- projection_plpgsql.sql — the expected path of the monthly model (docs/model.md) written in PL/pgSQL,
-- for bench/projection.sh: one subscription and one usage stream, Bass
-- acquisition (organic and paid), churn, expansion, price and cost declines,
-- team, marketing, cash and NPV with terminal value.  No risks, direct entry,
-- no training and no rounds, which is what the benchmark's inputs use.  It
-- takes the inputs as numbers (it does not parse the value grammar) and
-- builds the monthly series of accounts, revenue, cash flow and cash as
-- arrays, and returns the NPV.

CREATE FUNCTION bench_project_plpgsql(
	horizon int,
	accounts float8, adoption float8, bass_p float8, bass_q float8, mgrowth_y float8,
	sprice float8, seats float8, expansion float8, scost float8, sdecline float8,
	uprice float8, units float8, ugrowth float8, udecline float8, ucost float8, ucdecline float8,
	cash float8, headcount float8, tcost float8, tgrowth float8, launch int, churn float8,
	budget float8, cac float8, bgrowth float8, organic float8, discount float8, multiple float8)
RETURNS float8
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
	pq float8 := bass_p + bass_q;
	qp float8 := bass_q / bass_p;
	tau0 float8 := ln((1 + qp * adoption) / (1 - adoption)) / pq;
	rho float8 := (1 + discount) ^ (1.0 / 12) - 1;
	f_prev float8;
	f_now float8;
	e float8;
	c float8 := 0;			-- accounts
	s float8 := 0;			-- subscription MRR
	k float8 := cash;		-- cash
	npv float8 := 0;
	m float8;
	a float8;
	o float8;
	b_t float8;
	phi float8;
	paid float8;
	n float8;
	u float8;
	yr float8;
	rev float8;
	cor float8;
	team float8;
	mkt float8;
	flow float8;
	acc_series float8[] := '{}';
	rev_series float8[] := '{}';
	flow_series float8[] := '{}';
	cash_series float8[] := '{}';
BEGIN
	e := exp(-pq * tau0);
	f_prev := (1 - e) / (1 + qp * e);
	FOR t IN 1 .. horizon LOOP
		yr := t / 12.0;
		m := accounts * (1 + mgrowth_y) ^ yr;
		e := exp(-pq * (tau0 + yr));
		f_now := (1 - e) / (1 + qp * e);
		a := m * (f_now - f_prev);
		f_prev := f_now;
		rev := 0;
		cor := 0;
		mkt := 0;
		n := 0;
		IF t >= launch THEN
			o := organic * a;
			b_t := budget * (1 + bgrowth) ^ ((t - launch) / 12.0);
			phi := c / m;
			paid := CASE WHEN phi >= 1 OR budget = 0 THEN 0 ELSE b_t * (1 - phi) / cac END;
			n := least(o + paid, greatest(0, m - c));
			c := c * (1 - churn) + n;
			s := s * (1 - churn) * (1 + expansion);
			s := s + n * seats * sprice;
			u := units * (1 + ugrowth) ^ (t - launch);
			rev := s + c * u * uprice * (1 - udecline) ^ yr;
			cor := c * seats * scost * (1 - sdecline) ^ yr
				 + c * u * ucost * (1 - ucdecline) ^ yr;
			mkt := b_t;
		END IF;
		team := headcount * tcost * (1 + tgrowth) ^ yr;
		flow := rev - cor - team - mkt;
		k := k + flow;
		npv := npv + flow / (1 + rho) ^ t;
		acc_series := acc_series || c;
		rev_series := rev_series || rev;
		flow_series := flow_series || flow;
		cash_series := cash_series || k;
	END LOOP;
	RETURN npv + multiple * 12 * rev / (1 + rho) ^ horizon;
END
$$;
