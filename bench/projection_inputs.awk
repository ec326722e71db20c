# projection_inputs.awk — deterministic benchmark inputs for bench/projection.sh:
# n companies (subscription + usage streams, Bass market, churn, team,
# paid and organic marketing, valuation), one tab-separated line each:
#   id revenue risk plan accounts adoption bass_p bass_q growth
#   sprice seats expansion scost sdecline uprice units ugrowth udecline ucost ucdecline
#   cash headcount tcost tgrowth launch churn budget cac mgrowth organic discount multiple
# The numeric tail repeats the text inputs for the PL/pgSQL model, which
# does not parse the value grammar.
BEGIN {
	OFS = "\t"
	for (i = 1; i <= n; i++) {
		sprice = 20 + (i * 7) % 180; seats = 1 + i % 5; expansion = 0.005
		scost = sprice / 10; sdecline = 0.1
		uprice = 0.01; units = 500 + (i * 13) % 2000; ugrowth = 0.01
		udecline = 0.1; ucost = 0.004; ucdecline = 0.2
		cash = 500000 + (i % 10) * 100000; headcount = 3 + i % 20; tcost = 12000
		tgrowth = 0.05; launch = 1 + i % 6; churn = 0.01 + (i % 5) * 0.01
		budget = 10000 + (i % 7) * 5000; cac = 200 + (i % 9) * 50; mgrowth = 0.1
		organic = 0.05 + (i % 4) * 0.05; discount = 0.2; multiple = 5
		accounts = 10000 + (i % 11) * 20000; adoption = 0.01 * (i % 3)
		p = 0.02 + 0.005 * (i % 4); q = 0.3 + 0.05 * (i % 5); growth = 0.03
		revenue = sprintf("subscription(price=%s, seats=%s, expansion=%s, cost=%s, cost_decline=%s) + usage(price=%s, units=%s, growth=%s, price_decline=%s, cost=%s, cost_decline=%s)",
			sprice, seats, expansion, scost, sdecline, uprice, units, ugrowth, udecline, ucost, ucdecline)
		plan = sprintf("cash(amount=%s) + team(headcount=%s, cost=%s, growth=%s) + product(launch=%s, churn=%s) + marketing(budget=%s, cac=%s, growth=%s, organic=%s) + valuation(discount=%s, multiple=%s)",
			cash, headcount, tcost, tgrowth, launch, churn, budget, cac, mgrowth, organic, discount, multiple)
		print i, revenue, "", plan, accounts, adoption, p, q, growth, \
			sprice, seats, expansion, scost, sdecline, uprice, units, ugrowth, udecline, ucost, ucdecline, \
			cash, headcount, tcost, tgrowth, launch, churn, budget, cac, mgrowth, organic, discount, multiple
	}
}
