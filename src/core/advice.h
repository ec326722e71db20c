/*
 * advice.h — explanations of surprising but valid inputs: a plan that can
 * never win an account over the horizon.
 */
#ifndef ABZ_ADVICE_H
#define ABZ_ADVICE_H

#include "model.h"
#include "spec.h"

/*
 * True if plan, in market mk over horizon months, acquires no account in
 * any trial: the product launches after the horizon, the market has no
 * accounts, or there is neither paid marketing (budget the constant 0) nor
 * organic capture (organic or the channel's reach the constant 0).  Then
 * out->msg says why and out->hint which key to set (term and key name it).
 */
bool		abz_no_acquisition(const AbzSpec *plan, const AbzMarket *mk, int horizon,
							   AbzWarning *out);

#endif							/* ABZ_ADVICE_H */
