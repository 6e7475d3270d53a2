// Node's `events` for the PouchDB peer's browser bundle (bench/pouchdb-peer.ts): the package is
// not installed here. PouchDB builds instances without running the emitter's constructor, so, as
// in Node, the listener table is created on first use.
function table(emitter) {
	if (!Object.prototype.hasOwnProperty.call(emitter, '_events')) emitter._events = new Map();
	return emitter._events;
}

export function EventEmitter() {}

const proto = EventEmitter.prototype;
proto.on = proto.addListener = function (name, fn) {
	const map = table(this);
	if (!map.has(name)) map.set(name, []);
	map.get(name).push(fn);
	return this;
};
proto.prependListener = function (name, fn) {
	const map = table(this);
	if (!map.has(name)) map.set(name, []);
	map.get(name).unshift(fn);
	return this;
};
proto.once = function (name, fn) {
	const wrapper = (...args) => {
		this.removeListener(name, wrapper);
		fn.apply(this, args);
	};
	wrapper.listener = fn;
	return this.on(name, wrapper);
};
proto.off = proto.removeListener = function (name, fn) {
	const list = table(this).get(name);
	if (!list) return this;
	const i = list.findIndex((l) => l === fn || l.listener === fn);
	if (i >= 0) list.splice(i, 1);
	return this;
};
proto.removeAllListeners = function (name) {
	if (name === undefined) table(this).clear();
	else table(this).delete(name);
	return this;
};
proto.emit = function (name, ...args) {
	const list = table(this).get(name);
	if (!list || list.length === 0) {
		if (name === 'error') throw args[0];
		return false;
	}
	for (const fn of [...list]) fn.apply(this, args);
	return true;
};
proto.listeners = function (name) {
	return [...(table(this).get(name) ?? [])].map((l) => l.listener ?? l);
};
proto.listenerCount = function (name) {
	return table(this).get(name)?.length ?? 0;
};
proto.eventNames = function () {
	return [...table(this).keys()];
};
proto.setMaxListeners = function () {
	return this;
};
EventEmitter.listenerCount = (emitter, name) => emitter.listenerCount(name);
export default EventEmitter;
