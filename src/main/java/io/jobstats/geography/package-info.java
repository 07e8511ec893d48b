/**
 * The region tree (UK, nations, the site's areas and subregions, local authorities, towns and villages) built from
 * the shipped mySociety and Ordnance Survey data, and the resolution of an ad's location to the most specific region.
 */
package io.jobstats.geography;
