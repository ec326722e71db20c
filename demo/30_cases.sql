--@ title: Case studies
--@ requires: aibiz.cases
--@ about: The study's three cases scored 0-10 on technology leadership, business model, market performance and ecosystem, with the lessons drawn from each.

--@ caption: Criteria scores (0-10)
SELECT name, tech_leadership AS technology, business_model AS "business model",
	   market_performance AS market, ecosystem,
	   tech_leadership + business_model + market_performance + ecosystem AS total
FROM aibiz.cases
ORDER BY total DESC, name;

--@ caption: Lessons
SELECT name, lessons
FROM aibiz.cases
ORDER BY name;

/*  Enable once aibiz.topsis lands (add aibiz.topsis to the requires line):

--@ caption: Ranking by closeness to the ideal case (TOPSIS, equal weights)
SELECT name,
	   round(aibiz.topsis(ARRAY[tech_leadership, business_model,
								market_performance, ecosystem]::float8[],
						  ARRAY[1, 1, 1, 1]::float8[]) OVER ()::numeric, 3) AS closeness
FROM aibiz.cases
ORDER BY closeness DESC;
*/
