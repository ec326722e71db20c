--@ title: Sample companies
--@ requires: aibiz.companies, aibiz.sample_companies, aibiz.markets, aibiz.terms
--@ about: aibiz.sample_companies(200, 42) generated the companies below: plausible, varied business models spread over the shipped markets. The same seed always gives the same companies.

--@ caption: Companies per market
SELECT m.sector, m.use_case, count(c.*) AS companies
FROM aibiz.markets m
LEFT JOIN aibiz.companies c ON c.market_id = m.id
GROUP BY m.sector, m.use_case
ORDER BY m.sector, m.use_case;

--@ caption: The revenue models of the first three companies
SELECT c.name, t.term, t.key, t.dist, t.value, t.p1, t.p2, t.p3
FROM (SELECT * FROM aibiz.companies ORDER BY name LIMIT 3) c,
	 aibiz.terms(c.revenue) t
ORDER BY c.name, t.ord;
