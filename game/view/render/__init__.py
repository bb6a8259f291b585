"""The 3D view on the CPU: the Earth, the scene around it, the station model, cameras.

``globe`` (Blue Marble lit by the real Sun), ``scene`` (stars, track, ISS, flashes, the
station inset), ``station_model`` (the ISS from assets/station.json), ``camera`` (the
pinhole camera and the free / follow / Cupola controllers), ``astro`` (Earth-fixed
vectors in Earth radii) and ``feed`` (the orbit sampled once into tables for the frames).
"""
